/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle). Generated from
/// deploy/taxonomy.yaml by scripts/fit-default-taxonomy.sh: edit the YAML
/// (phrases, subject and action terms) and rerun the script.
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
# Fitted by `newswire taxonomy fit` (classifier keyword-ac-lr-2); phrases, conditions, subject
# and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 0.934.
# The built-in taxonomy is refitted with scripts/fit-default-taxonomy.sh (dev split of ../shared/classification-dev).
name: "newswire-default"
version: "2"
languages: ["en", "fr", "de", "es", "ru"]
topics:
  - id: syria-talks
    label: "Syria peace talks"
    description: "Diplomacy toward a Syrian peace conference or political settlement: Geneva II, US-Russia talks on Syria, a transitional government, the opposition attending or forming negotiating teams. Peace talks about other conflicts do not belong here."
    phrases:
      - { text: "geneva ii", weight: 1.0 }
      - { text: "geneva 2", weight: 1.0 }
      - { text: "geneva communique", weight: 0.8 }
      - { text: "geneva conference", weight: 0.5 }
      - { text: "geneva peace conference", weight: 0.6 }
      - { text: "peace conference in geneva", weight: 0.6 }
      - { text: "syria peace conference", weight: 1.0 }
      - { text: "syrian peace conference", weight: 1.0 }
      - { text: "peace conference on syria", weight: 1.0 }
      - { text: "syria peace talks", weight: 1.0 }
      - { text: "syrian peace talks", weight: 1.0 }
      - { text: "peace talks on syria", weight: 1.0 }
      - { text: "syria talks", weight: 0.8 }
      - { text: "transitional governing body", weight: 0.6 }
      - { text: "transitional government", weight: 0.3 }
      - { text: "transition government", weight: 0.3 }
      - { text: "political transition", weight: 0.3 }
      - { text: "political settlement", weight: 0.3 }
      - { text: "political solution", weight: 0.2 }
      - { text: "negotiated settlement", weight: 0.2 }
      - { text: "negotiating table", weight: 0.2 }
      - { text: "negotiating team", weight: 0.3 }
      - { text: "opposition delegation", weight: 0.4 }
    conditions:
      - anchor: ["syria", "syrian", "assad", "damascus"]
        context: ["talks", "negotiations", "peace conference", "international conference", "geneva", "political settlement", "political transition", "political solution", "transitional government", "transition", "delegation", "peace process"]
        within: 12
        weight: 0.35
    subject:
      any: ["assad", "асад", "асада", "асаду"]
      en: ["syria", "syrian", "syrians", "damascus"]
      fr: ["syrie", "syrien", "syrienne", "syriens", "syriennes", "damas"]
      de: ["syrien", "syrische", "syrischen", "syrischer", "syrisches", "damaskus"]
      es: ["siria", "sirio", "siria", "sirios", "sirias", "damasco"]
      ru: ["сирия", "сирии", "сирию", "сирией", "сирийский", "сирийской", "сирийских", "сирийская", "сирийские", "сирийского", "дамаск", "дамаска"]
    action:
      en: ["talks", "negotiations", "negotiate", "negotiator", "peace conference", "conference", "convene", "geneva", "communique", "political settlement", "political solution", "transition", "transitional government", "transitional governing body", "delegation", "peace process", "peace plan", "diplomacy", "diplomatic", "envoy", "invitation", "attend", "brahimi", "annan", "mediator"]
      fr: ["négociations", "pourparlers", "conférence", "genève", "transition", "délégation", "diplomatie", "règlement politique", "solution politique", "conférence de paix"]
      de: ["gespräche", "verhandlungen", "friedenskonferenz", "konferenz", "genf", "übergangsregierung", "delegation", "diplomatie", "friedensgespräche", "politische lösung"]
      es: ["conversaciones", "negociaciones", "conferencia", "ginebra", "transición", "delegación", "diplomacia", "solución política", "conferencia de paz"]
      ru: ["переговоры", "переговоров", "переговорах", "конференция", "конференции", "конференцию", "женева", "женеве", "женевы", "урегулирования", "урегулирование", "делегация", "делегации"]
    terms: ["lakhdar", "lakhdar brahimi", "arab league", "league", "governing body", "transitional governing", "transitional", "international conference", "syria peace", "solution", "table", "take part", "governed", "moon", "goal", "sergei lavrov", "switzerland", "peace talks", "syrian people", "propose", "minister sergei", "syrian president", "accept", "process", "pull", "role", "syrian national", "peace", "russian foreign", "body"]
    model:
      bias: -11.3934
      threshold: 0.725
      weights:
        "subject": 0.1322
        "subject-lead": 0.4742
        "subject-spread": 0.5824
        "action": 2.6589
        "action-near": 0.3807
        "action-paragraph": 0.6929
        "action-article": 2.1562
        "rules-lead": 0.321
        "rules": 2.6651
        "phrase:geneva ii": 0.634
        "phrase:geneva 2": 0.1045
        "phrase:geneva conference": 2.4477
        "phrase:peace conference in geneva": 1.0956
        "phrase:syria peace conference": -0.5902
        "phrase:syrian peace conference": 0.0115
        "phrase:peace conference on syria": 0.0906
        "phrase:syria peace talks": 0.0011
        "phrase:syria talks": 0.0176
        "phrase:transitional governing body": 0.6014
        "phrase:transitional government": 1.1339
        "phrase:transition government": 0.0057
        "phrase:political transition": 0.1753
        "phrase:political settlement": 1.0729
        "phrase:political solution": 0.1987
        "phrase:negotiated settlement": -0.0675
        "phrase:negotiating table": 0.1277
        "phrase:negotiating team": 0.0803
        "phrase:opposition delegation": 0.0128
        "condition:1": -0.8202
        "term:lakhdar": 1.7481
        "term:lakhdar brahimi": 1.7481
        "term:arab league": 0.1169
        "term:league": 0.1169
        "term:governing body": 0.6014
        "term:transitional governing": 0.6014
        "term:transitional": 1.7624
        "term:international conference": 0.6748
        "term:syria peace": -0.4882
        "term:solution": 0.29
        "term:table": 0.9462
        "term:take part": 2.6092
        "term:governed": 0.5822
        "term:moon": -0.4773
        "term:goal": 0.1011
        "term:sergei lavrov": 0.1508
        "term:switzerland": 0.704
        "term:peace talks": -1.1293
        "term:syrian people": 0.373
        "term:propose": 0.8886
        "term:minister sergei": 0.4671
        "term:syrian president": -0.0567
        "term:accept": 1.0108
        "term:process": 1.238
        "term:pull": 1.3378
        "term:role": 1.2944
        "term:syrian national": -0.2085
        "term:peace": 0.8148
        "term:russian foreign": 0.3431
        "term:body": 0.6848
    crosslingual-model:
      bias: -13.6011
      threshold: 0.725
      weights:
        "subject": -0.6419
        "subject-lead": 0.8283
        "subject-spread": 1.0359
        "action": 4.4606
        "action-near": 1.419
        "action-paragraph": -0.4003
        "action-article": 5.2881
  - id: snowden-request
    label: "Snowden handover"
    description: "The United States asking Russia or another country to return, hand over, expel or extradite Edward Snowden, and the fight over his asylum. Stories about his surveillance disclosures alone do not belong here."
    phrases:
      - { text: "extradite snowden", weight: 0.5 }
    conditions:
      - anchor: ["snowden"]
        context: ["return", "hand over", "extradite", "asylum", "refuge", "expel", "deport", "surrender", "send back", "sent back", "send him back", "sent him back", "provisional arrest"]
        within: 12
        weight: 1.0
      - anchor: ["snowden"]
        context: ["return", "hand over", "extradite", "asylum", "refuge", "expel", "deport", "surrender", "send back", "sent back", "provisional arrest"]
        within: 60
        weight: 0.5
    subject:
      any: ["snowden", "сноуден", "сноудена", "сноудену", "сноуденом", "сноудене"]
      en: ["whistleblower", "former contractor", "leaker", "nsa leaker", "former nsa contractor"]
    action:
      en: ["extradite", "extradition", "asylum", "return", "hand over", "handed over", "expel", "deport", "passport", "surrender", "refuge", "provisional arrest", "fugitive", "transit", "espionage", "charges", "charged", "residence permit", "airport", "flight", "travel document"]
      fr: ["extradition", "extrader", "asile", "remettre", "expulser", "passeport", "refuge", "extradé"]
      de: ["auslieferung", "ausliefern", "asyl", "ausweisen", "reisepass", "abschiebung", "übergabe", "auszuliefern"]
      es: ["extradición", "extraditar", "asilo", "entregar", "expulsar", "pasaporte", "refugio", "entrega"]
      ru: ["экстрадиция", "экстрадиции", "экстрадицию", "выдача", "выдачи", "выдачу", "выдать", "убежище", "убежища", "паспорт", "паспорта", "выслать"]
    terms: ["hong", "hong kong", "kong", "snowden asylum", "sheremetyevo", "sheremetyevo airport", "transit zone", "transit area", "moscow airport", "temporary asylum", "classified", "travel", "applied", "bolivia", "disclose", "ecuador", "contractor", "edward", "latin", "information", "man", "wikileaks", "edward snowden", "surveillance program", "grant", "lawyer", "leak", "temporary", "request", "case"]
    model:
      bias: -4.7563
      threshold: 0.5
      weights:
        "subject": 1.1872
        "subject-lead": 0.2736
        "subject-spread": 0.2803
        "action": 0.373
        "action-near": 0.6797
        "action-paragraph": 0.5074
        "action-article": 0.3616
        "rules-lead": 0.2109
        "rules": 0.7462
        "phrase:extradite snowden": 0.0043
        "condition:1": 0.5962
        "condition:2": 0.5516
        "term:hong": 0.1514
        "term:hong kong": 0.1514
        "term:kong": 0.1514
        "term:snowden asylum": 0.042
        "term:sheremetyevo": 0.0684
        "term:sheremetyevo airport": 0.0555
        "term:transit zone": 0.0632
        "term:transit area": 0.0435
        "term:moscow airport": -0.0376
        "term:temporary asylum": 0.1022
        "term:classified": -0.0019
        "term:travel": 0.0256
        "term:applied": 0.0105
        "term:bolivia": 0.4001
        "term:disclose": 0.0539
        "term:ecuador": 0.116
        "term:contractor": 0.1645
        "term:edward": 0.3675
        "term:latin": -0.0349
        "term:information": 0.1958
        "term:man": 0.0663
        "term:wikileaks": -0.1178
        "term:edward snowden": 0.1184
        "term:surveillance program": 0.0114
        "term:grant": -0.0014
        "term:lawyer": 0.0778
        "term:leak": 0.0469
        "term:temporary": -0.0395
        "term:request": 0.3067
        "term:case": 0.0332
    crosslingual-model:
      bias: -4.2321
      threshold: 0.5
      weights:
        "subject": 1.6059
        "subject-lead": 0.3484
        "subject-spread": 0.4873
        "action": 0.3949
        "action-near": 1.0014
        "action-paragraph": 0.803
        "action-article": 0.4649
  - id: arms-supply
    label: "Arms for the Syrian war"
    description: "Weapons, ammunition or military aid supplied to a side of the Syrian war, rebels or the Assad government. Arms sales unrelated to Syria and chemical weapons inspections do not belong here."
    phrases:
      - { text: "arm the rebels", weight: 0.8 }
      - { text: "arm the syrian rebels", weight: 0.8 }
      - { text: "arm the opposition", weight: 0.6 }
      - { text: "arms to the rebels", weight: 0.8 }
      - { text: "weapons to the rebels", weight: 0.8 }
      - { text: "arms to syria", weight: 0.6 }
      - { text: "weapons to syria", weight: 0.6 }
      - { text: "lethal aid", weight: 0.6 }
      - { text: "arms embargo", weight: 0.3 }
      - { text: "chemical weapons", weight: -0.4 }
      - { text: "weapons inspectors", weight: -0.3 }
    conditions:
      - anchor: ["arms", "weapons", "ammunition", "missiles", "rifles", "munitions", "military aid", "military assistance", "military equipment", "antitank", "anti-tank", "mortars", "machine guns", "air-defense", "rockets"]
        context: ["syria", "syrian", "rebels", "opposition", "assad", "damascus", "hezbollah"]
        within: 12
        weight: 0.4
      - anchor: ["supply", "supplier", "provide", "send", "sent", "ship", "shipment", "deliver", "delivery", "arm", "equip", "sell", "sale", "transfer", "funnel", "smuggle", "resupply", "airlift", "fly", "carry"]
        context: ["arms", "weapons", "ammunition", "missiles", "rifles", "munitions", "military aid", "military assistance", "military equipment", "antitank", "anti-tank", "mortars", "machine guns"]
        within: 6
        weight: 0.25
    subject:
      any: ["assad", "асад", "асада", "асаду"]
      en: ["syria", "syrian", "syrians", "damascus", "rebels", "free syrian army"]
      fr: ["syrie", "syrien", "syrienne", "syriens", "syriennes", "damas"]
      de: ["syrien", "syrische", "syrischen", "syrischer", "syrisches", "damaskus"]
      es: ["siria", "sirio", "siria", "sirios", "sirias", "damasco"]
      ru: ["сирия", "сирии", "сирию", "сирией", "сирийский", "сирийской", "сирийских", "сирийская", "сирийские", "сирийского", "дамаск", "дамаска"]
    action:
      en: ["arm", "arming", "military aid", "lethal aid", "non-lethal", "military assistance", "military support", "supply", "supplies", "shipment", "deliver", "delivery", "provide", "airdrop", "smuggle", "funnel", "embargo", "military equipment", "equip"]
      fr: ["livraison", "livraisons", "livrer", "fournir", "embargo", "aide militaire", "armer", "armement"]
      de: ["waffenlieferungen", "waffenlieferung", "lieferung", "liefern", "embargo", "militärhilfe", "aufrüsten"]
      es: ["suministro", "suministrar", "envío", "enviar", "embargo", "ayuda militar", "armar", "armamento"]
      ru: ["поставки", "поставок", "поставка", "поставку", "поставлять", "эмбарго", "вооружения", "вооружений"]
    terms: ["syrian rebel", "anti aircraft", "ammunition", "assistance", "lethal", "extremist", "assad regime", "contract", "cia", "intervention", "bashar assad", "syrian army", "arms", "tank", "european union", "train", "regime", "aircraft", "britain", "battle", "jordan", "pledge", "bashar", "army", "weapon", "hezbollah", "small", "missile", "union", "president bashar"]
    model:
      bias: -5.0304
      threshold: 0.375
      weights:
        "subject": 0.5009
        "subject-lead": 0.2227
        "subject-spread": 0.1391
        "action": 0.73
        "action-near": 0.5726
        "action-paragraph": 0.5833
        "action-article": 0.3975
        "rules-lead": 0.3374
        "rules": 0.3978
        "penalties": -0.1579
        "penalty-dominant": -0.1254
        "phrase:arm the rebels": 0.0851
        "phrase:arm the syrian rebels": 0.0048
        "phrase:arm the opposition": 0.009
        "phrase:weapons to the rebels": 0.0271
        "phrase:arms to syria": 0.0288
        "phrase:lethal aid": -0.0102
        "phrase:arms embargo": 0.0914
        "phrase:chemical weapons": -0.2498
        "phrase:weapons inspectors": -0.0169
        "condition:1": 0.4638
        "condition:2": 0.4068
        "term:syrian rebel": 0.339
        "term:anti aircraft": 0.065
        "term:ammunition": 0.2078
        "term:assistance": 0.0858
        "term:lethal": 0.0932
        "term:extremist": 0.0573
        "term:assad regime": 0.161
        "term:contract": 0.0748
        "term:cia": 0.0828
        "term:intervention": -0.0104
        "term:bashar assad": 0.0591
        "term:syrian army": 0.0325
        "term:arms": 0.2646
        "term:tank": 0.0561
        "term:european union": 0.053
        "term:train": 0.2513
        "term:regime": 0.1723
        "term:aircraft": 0.2365
        "term:britain": 0.101
        "term:battle": -0.0158
        "term:jordan": 0.0009
        "term:pledge": 0.09
        "term:bashar": 0.115
        "term:army": 0.1069
        "term:weapon": 0.1063
        "term:hezbollah": -0.0062
        "term:small": 0.0706
        "term:missile": 0.1181
        "term:union": 0.0573
        "term:president bashar": 0.0557
    crosslingual-model:
      bias: -4.611
      threshold: 0.375
      weights:
        "subject": 0.6408
        "subject-lead": 0.1487
        "subject-spread": 0.1115
        "action": 1.0619
        "action-near": 0.8069
        "action-paragraph": 0.8295
        "action-article": 0.5072
"""#

    /// The built-in taxonomy, parsed from ``defaultYAML`` once, on first use.
    public static var `default`: Taxonomy { parsedDefault }

    private static let parsedDefault: Taxonomy = {
        do {
            return try Taxonomy(yaml: defaultYAML, source: "DefaultTaxonomy.swift")
        } catch {
            fatalError("the built-in taxonomy is invalid: \(error)")
        }
    }()
}
