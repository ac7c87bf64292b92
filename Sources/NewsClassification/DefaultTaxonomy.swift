/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle). Generated from
/// deploy/taxonomy.yaml by scripts/fit-default-taxonomy.sh: edit the YAML
/// (phrases, subject and action terms) and rerun the script.
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
# Fitted by `newswire taxonomy fit` (classifier keyword-ac-lr-2); phrases, conditions, subject
# and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 0.921.
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
      en: ["extradite", "extradition", "asylum", "return", "hand over", "handed over", "expel", "deport", "passport", "surrender", "refuge", "provisional arrest", "fugitive", "transit", "espionage", "charges", "charged", "residence permit", "airport", "flight", "plane", "travel document"]
      fr: ["extradition", "extrader", "asile", "remettre", "expulser", "passeport", "refuge", "extradé"]
      de: ["auslieferung", "ausliefern", "asyl", "ausweisen", "reisepass", "abschiebung", "übergabe", "auszuliefern"]
      es: ["extradición", "extraditar", "asilo", "entregar", "expulsar", "pasaporte", "refugio", "entrega"]
      ru: ["экстрадиция", "экстрадиции", "экстрадицию", "выдача", "выдачи", "выдачу", "выдать", "убежище", "убежища", "паспорт", "паспорта", "выслать"]
    terms: ["hong", "hong kong", "kong", "snowden asylum", "sheremetyevo", "sheremetyevo airport", "transit zone", "transit area", "moscow airport", "temporary asylum", "classified", "travel", "applied", "bolivia", "disclose", "ecuador", "contractor", "edward", "latin", "information", "man", "wikileaks", "edward snowden", "surveillance program", "grant", "lawyer", "leak", "temporary", "request", "case"]
    model:
      bias: -5.0271
      threshold: 0.575
      weights:
        "subject": 1.0566
        "subject-lead": 0.2827
        "subject-spread": 0.2592
        "action": 0.4961
        "action-near": 0.7678
        "action-paragraph": 0.6647
        "action-article": 0.4779
        "rules-lead": 0.2162
        "rules": 0.6767
        "phrase:extradite snowden": 0.0044
        "condition:1": 0.5397
        "condition:2": 0.505
        "term:hong": 0.1445
        "term:hong kong": 0.1445
        "term:kong": 0.1445
        "term:snowden asylum": 0.049
        "term:sheremetyevo": 0.0686
        "term:sheremetyevo airport": 0.0553
        "term:transit zone": 0.0641
        "term:transit area": 0.0453
        "term:moscow airport": -0.0177
        "term:temporary asylum": 0.0541
        "term:classified": 0.004
        "term:travel": 0.0296
        "term:applied": 0.0116
        "term:bolivia": 0.237
        "term:disclose": 0.0562
        "term:ecuador": 0.0611
        "term:contractor": 0.1787
        "term:edward": 0.3353
        "term:latin": -0.045
        "term:information": 0.1463
        "term:man": 0.0723
        "term:wikileaks": -0.0984
        "term:edward snowden": 0.058
        "term:surveillance program": 0.0305
        "term:grant": -0.0318
        "term:lawyer": 0.0792
        "term:leak": 0.015
        "term:temporary": -0.0736
        "term:request": 0.3161
        "term:case": 0.0317
    crosslingual-model:
      bias: -4.3972
      threshold: 0.575
      weights:
        "subject": 1.4312
        "subject-lead": 0.3489
        "subject-spread": 0.4628
        "action": 0.4079
        "action-near": 1.0583
        "action-paragraph": 0.9305
        "action-article": 0.5169
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
      en: ["arms", "weapons", "arm", "arming", "ammunition", "missiles", "military aid", "lethal aid", "non-lethal", "military assistance", "military support", "supply", "supplies", "shipment", "deliver", "delivery", "provide", "airdrop", "smuggle", "funnel", "embargo", "anti-aircraft", "antitank", "air defense", "rifles", "military equipment", "equipment"]
      fr: ["armes", "armement", "armer", "livraison", "livraisons", "embargo", "missiles", "munitions", "aide militaire"]
      de: ["waffen", "waffenlieferungen", "waffenlieferung", "lieferung", "embargo", "raketen", "munition", "militärhilfe", "aufrüsten"]
      es: ["armas", "armamento", "armar", "suministro", "envío", "embargo", "misiles", "municiones", "ayuda militar"]
      ru: ["оружие", "оружия", "поставки", "поставок", "поставка", "поставку", "вооружения", "вооружений", "ракеты", "ракет", "эмбарго", "боеприпасы"]
    terms: ["syrian rebel", "assistance", "lethal", "extremist", "assad regime", "contract", "cia", "intervention", "bashar assad", "syrian army", "tank", "european union", "train", "regime", "aircraft", "britain", "battle", "jordan", "pledge", "bashar", "army", "hezbollah", "small", "union", "president bashar", "fighter", "flies", "military", "receive", "civilian"]
    model:
      bias: -11.692
      threshold: 0.275
      weights:
        "subject": 1.5638
        "subject-lead": 1.5147
        "subject-spread": 0.4567
        "action": 1.699
        "action-near": 1.1583
        "action-paragraph": 0.7558
        "action-article": 0.0248
        "rules-lead": 0.0692
        "rules": 0.2225
        "penalties": -1.1154
        "penalty-dominant": -0.368
        "phrase:arm the rebels": 0.3639
        "phrase:arm the syrian rebels": 0.0009
        "phrase:arm the opposition": 0.0838
        "phrase:weapons to the rebels": 0.102
        "phrase:arms to syria": 0.111
        "phrase:lethal aid": -0.7329
        "phrase:arms embargo": 1.2088
        "phrase:chemical weapons": -1.8137
        "phrase:weapons inspectors": -0.0499
        "condition:1": 0.0778
        "condition:2": 0.816
        "term:syrian rebel": 1.549
        "term:assistance": 0.4877
        "term:lethal": 0.3332
        "term:extremist": 0.3425
        "term:assad regime": 1.1759
        "term:contract": 0.4327
        "term:cia": 0.5949
        "term:intervention": -0.0216
        "term:bashar assad": -0.2235
        "term:syrian army": -0.8574
        "term:tank": -0.0467
        "term:european union": 0.2989
        "term:train": 2.0125
        "term:regime": 0.7293
        "term:aircraft": 1.2318
        "term:britain": 0.2569
        "term:battle": -0.0436
        "term:jordan": 0.0896
        "term:pledge": 0.5591
        "term:bashar": -0.0776
        "term:army": -0.5044
        "term:hezbollah": -0.9057
        "term:small": 0.2138
        "term:union": 0.3528
        "term:president bashar": -0.3048
        "term:fighter": 0.9837
        "term:flies": 0.3716
        "term:military": 0.6215
        "term:receive": 1.1943
        "term:civilian": 0.5434
    crosslingual-model:
      bias: -8.6334
      threshold: 0.275
      weights:
        "subject": 1.9429
        "subject-lead": 0.4924
        "subject-spread": -0.5624
        "action": 2.0752
        "action-near": 1.2799
        "action-paragraph": -0.6197
        "action-article": 0.0158
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
