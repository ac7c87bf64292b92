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
    terms: ["lakhdar", "lakhdar brahimi", "arab league", "league", "special envoy", "transitional", "international conference", "solution", "table", "take part", "moon", "peace talks", "fully", "goal", "process", "sergei lavrov", "future", "ban", "syrian president", "minister sergei", "switzerland", "syrian people", "peace", "lavrov", "secretary general", "continue", "pull", "syrian national", "syrian opposition", "russian foreign"]
    model:
      bias: -8.6056
      threshold: 0.225
      weights:
        "subject": 0.328
        "subject-lead": 0.3824
        "subject-spread": 0.5618
        "action": 2.0122
        "action-near": -0.103
        "action-paragraph": 0.7917
        "action-article": 1.0911
        "rules-lead": 0.6781
        "rules": 1.4763
        "phrase:geneva ii": 0.4816
        "phrase:geneva 2": 0.0874
        "phrase:geneva communique": 0.001
        "phrase:geneva conference": 1.4196
        "phrase:peace conference in geneva": 0.052
        "phrase:syria peace conference": -0.4562
        "phrase:syrian peace conference": 0.0215
        "phrase:peace conference on syria": 0.0584
        "phrase:syria peace talks": 0.0016
        "phrase:peace talks on syria": 0.0001
        "phrase:syria talks": 0.0056
        "phrase:transitional governing body": 0.8341
        "phrase:transitional government": 0.205
        "phrase:political transition": 0.0888
        "phrase:political settlement": 0.0399
        "phrase:political solution": 0.2245
        "phrase:negotiated settlement": -0.0182
        "phrase:negotiating table": 0.1867
        "phrase:negotiating team": 0.1025
        "phrase:opposition delegation": 0.05
        "condition:1": -0.1514
        "term:lakhdar": 0.8891
        "term:lakhdar brahimi": 0.8891
        "term:arab league": 0.2032
        "term:league": 0.2033
        "term:special envoy": 0.0134
        "term:transitional": 1.0382
        "term:international conference": 0.3694
        "term:solution": 0.2853
        "term:table": 0.3175
        "term:take part": 1.671
        "term:moon": -0.0652
        "term:peace talks": -0.3715
        "term:fully": 0.7206
        "term:goal": 0.3243
        "term:process": 1.0975
        "term:sergei lavrov": 0.1028
        "term:future": 0.2855
        "term:ban": -0.074
        "term:syrian president": 0.1236
        "term:minister sergei": 0.271
        "term:switzerland": 0.0737
        "term:syrian people": 0.4349
        "term:peace": 0.5853
        "term:lavrov": 0.5261
        "term:secretary general": -0.1622
        "term:continue": 0.3659
        "term:pull": 0.6478
        "term:syrian national": -0.1555
        "term:syrian opposition": -0.7702
        "term:russian foreign": 0.2543
    crosslingual-model:
      bias: -9.7811
      threshold: 0.225
      weights:
        "subject": -0.2788
        "subject-lead": 0.0871
        "subject-spread": 0.8345
        "action": 3.3164
        "action-near": 0.5519
        "action-paragraph": 1.0439
        "action-article": 2.4766
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
    terms: ["hong", "hong kong", "kong", "snowden asylum", "sheremetyevo", "sheremetyevo airport", "transit zone", "moscow sheremetyevo", "transit area", "anatoly", "austria", "correa", "kucherena", "rafael correa", "snowden wanted", "classified", "moscow airport", "information", "latin america", "temporary asylum", "evo", "evo morales", "morales", "president evo", "rafael", "whistleblower edward", "contractor", "leak", "edward", "edward snowden"]
    model:
      bias: -3.7758
      threshold: 0.5
      weights:
        "subject": 0.63
        "subject-lead": 0.3051
        "subject-spread": 0.1937
        "action": 0.3618
        "action-near": 0.4985
        "action-paragraph": 0.4085
        "action-article": 0.279
        "rules-lead": 0.1173
        "rules": 0.3542
        "phrase:extradite snowden": 0.0034
        "condition:1": 0.2665
        "condition:2": 0.2978
        "term:hong": 0.1198
        "term:hong kong": 0.1198
        "term:kong": 0.1198
        "term:snowden asylum": 0.0755
        "term:sheremetyevo": 0.0863
        "term:sheremetyevo airport": 0.0689
        "term:transit zone": 0.0646
        "term:moscow sheremetyevo": 0.0508
        "term:transit area": 0.0485
        "term:anatoly": 0.0298
        "term:austria": 0.0921
        "term:correa": 0.0796
        "term:kucherena": 0.0625
        "term:rafael correa": 0.0574
        "term:snowden wanted": 0.0352
        "term:classified": 0.057
        "term:moscow airport": 0.0536
        "term:information": 0.1197
        "term:latin america": 0.0546
        "term:temporary asylum": 0.0538
        "term:evo": 0.0901
        "term:evo morales": 0.0901
        "term:morales": 0.1874
        "term:president evo": 0.0818
        "term:rafael": 0.0558
        "term:whistleblower edward": 0.053
        "term:contractor": 0.0546
        "term:leak": 0.1257
        "term:edward": 0.1958
        "term:edward snowden": 0.1828
    crosslingual-model:
      bias: -3.3433
      threshold: 0.5
      weights:
        "subject": 0.8462
        "subject-lead": 0.3797
        "subject-spread": 0.2741
        "action": 0.3888
        "action-near": 0.6364
        "action-paragraph": 0.5282
        "action-article": 0.3318
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
    terms: ["free syrian", "syrian rebel", "lethal", "assad regime", "contract", "intervention", "cia", "bashar assad", "syrian army", "jordan", "battle", "european union", "train", "aircraft", "bashar", "regime", "appear", "britain", "union", "non", "pledge", "president bashar", "army", "military", "free", "northern", "fighter", "syrian president", "european", "base"]
    model:
      bias: -7.2704
      threshold: 0.175
      weights:
        "subject": 0.9064
        "subject-lead": 0.6144
        "subject-spread": 0.2304
        "action": 1.0975
        "action-near": 0.9059
        "action-paragraph": 0.3526
        "action-article": 0.336
        "rules-lead": -0.3485
        "rules": 0.2065
        "penalties": -0.6675
        "penalty-dominant": -0.2219
        "phrase:arm the rebels": 0.3556
        "phrase:arm the syrian rebels": 0.0087
        "phrase:arm the opposition": 0.0632
        "phrase:weapons to the rebels": 0.003
        "phrase:arms to syria": 0.1366
        "phrase:lethal aid": -0.2677
        "phrase:arms embargo": 0.4445
        "phrase:chemical weapons": -1.0735
        "phrase:weapons inspectors": -0.0076
        "condition:1": 0.0356
        "condition:2": 0.4021
        "term:free syrian": 0.1949
        "term:syrian rebel": 1.0795
        "term:lethal": 0.0312
        "term:assad regime": 0.5463
        "term:contract": 0.2678
        "term:intervention": -0.0139
        "term:cia": 0.4806
        "term:bashar assad": 0.0069
        "term:syrian army": -0.3087
        "term:jordan": 0.3148
        "term:battle": 0.1475
        "term:european union": 0.15
        "term:train": 1.1102
        "term:aircraft": 0.4966
        "term:bashar": -0.0113
        "term:regime": 0.4789
        "term:appear": 0.6288
        "term:britain": 0.2427
        "term:union": 0.2033
        "term:non": 0.4575
        "term:pledge": 0.4086
        "term:president bashar": -0.2865
        "term:army": -0.3618
        "term:military": 0.5046
        "term:free": 0.1992
        "term:northern": -0.1485
        "term:fighter": 0.3485
        "term:syrian president": -0.1215
        "term:european": 0.7172
        "term:base": 0.0663
    crosslingual-model:
      bias: -6.2943
      threshold: 0.175
      weights:
        "subject": 1.1289
        "subject-lead": 0.3408
        "subject-spread": 0.1543
        "action": 1.2817
        "action-near": 0.8179
        "action-paragraph": -0.0925
        "action-article": 0.4903
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
