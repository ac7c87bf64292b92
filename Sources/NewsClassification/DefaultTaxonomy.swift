/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle). Generated from
/// deploy/taxonomy.yaml by scripts/fit-default-taxonomy.sh: edit the YAML
/// (phrases, subject and action terms) and rerun the script.
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
# Fitted by `newswire taxonomy fit` (classifier keyword-ac-lr-3); phrases, conditions, subject
# and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 0.930.
# The built-in taxonomy is refitted with scripts/fit-default-taxonomy.sh (dev split of ../shared/classification-dev).
name: "newswire-default"
version: "3"
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
      any: ["assad"]
      en: ["syria", "syrian", "syrians", "damascus"]
      fr: ["syrie", "syrien", "syrienne", "syriens", "syriennes", "damas"]
      de: ["syrien", "syrische", "syrischen", "syrischer", "syrisches", "damaskus"]
      es: ["siria", "sirio", "siria", "sirios", "sirias", "damasco"]
      ru: ["сирия", "сирии", "сирию", "сирией", "сирийский", "сирийская", "сирийское", "сирийские", "сирийского", "сирийской", "сирийскому", "сирийским", "сирийских", "сирийскими", "сирийцы", "сирийцев", "дамаск", "дамаска", "дамаске", "асад", "асада", "асаду", "асадом"]
    action:
      en: ["talks", "negotiations", "negotiate", "negotiator", "peace conference", "conference", "convene", "geneva", "communique", "political settlement", "political solution", "transition", "transitional government", "transitional governing body", "delegation", "peace process", "peace plan", "diplomacy", "diplomatic", "envoy", "invitation", "attend", "brahimi", "annan", "mediator"]
      fr: ["négociations", "pourparlers", "conférence", "genève", "transition", "délégation", "diplomatie", "règlement politique", "solution politique", "conférence de paix"]
      de: ["gespräche", "verhandlungen", "friedenskonferenz", "konferenz", "genf", "übergangsregierung", "delegation", "diplomatie", "friedensgespräche", "politische lösung"]
      es: ["conversaciones", "negociaciones", "conferencia", "ginebra", "transición", "delegación", "diplomacia", "solución política", "conferencia de paz"]
      ru: ["переговоры", "переговоров", "переговорах", "переговорам", "конференция", "конференции", "конференцию", "женева", "женеве", "женеву", "женевы", "женевской", "мирный процесс", "мирного процесса", "урегулирование", "урегулирования", "политическое урегулирование", "переходное правительство", "переходного правительства", "переходный период", "делегация", "делегации", "делегацию", "дипломатия", "дипломатии", "посредник", "спецпосланник", "брахими", "коммюнике"]
    terms: ["lakhdar", "lakhdar brahimi", "arab league", "league", "governing body", "transitional governing", "transitional", "international conference", "syria peace", "solution", "table", "take part", "governed", "moon", "goal", "switzerland", "peace talks", "sergei lavrov", "syrian people", "propose", "syrian president", "accept", "process", "minister sergei", "pull", "role", "syrian national", "peace", "body", "lavrov"]
    model:
      bias: -7.5461
      threshold: 0.5
      weights:
        "subject": 0.2947
        "subject-lead": 0.2756
        "subject-spread": 0.1435
        "action": 1.5039
        "action-near": 0.586
        "action-paragraph": 0.6486
        "action-article": 0.8625
        "action-near-lead": 0.0859
        "rules-lead": 0.2018
        "rules": 0.991
        "rules-subject": 0.5761
        "rules-elsewhere": 0.8447
        "phrase:geneva ii": 0.2703
        "phrase:geneva 2": 0.0213
        "phrase:geneva communique": 0.0002
        "phrase:geneva conference": 0.5784
        "phrase:peace conference in geneva": 0.4523
        "phrase:syria peace conference": -0.2197
        "phrase:syrian peace conference": 0.0157
        "phrase:peace conference on syria": 0.0675
        "phrase:syria peace talks": 0.0017
        "phrase:peace talks on syria": 0.0001
        "phrase:syria talks": 0.0131
        "phrase:transitional governing body": 0.2723
        "phrase:transitional government": 0.5394
        "phrase:transition government": 0.0134
        "phrase:political transition": 0.1023
        "phrase:political settlement": 0.3126
        "phrase:political solution": 0.0575
        "phrase:negotiated settlement": 0.0041
        "phrase:negotiating table": 0.0874
        "phrase:negotiating team": 0.0503
        "phrase:opposition delegation": 0.0055
        "condition:1": -0.1651
        "term:lakhdar": 0.6595
        "term:lakhdar brahimi": 0.6595
        "term:arab league": 0.0876
        "term:league": 0.0877
        "term:governing body": 0.2723
        "term:transitional governing": 0.2723
        "term:transitional": 0.828
        "term:international conference": 0.1314
        "term:syria peace": -0.2048
        "term:solution": 0.1736
        "term:table": 0.3376
        "term:take part": 0.7599
        "term:governed": 0.2584
        "term:moon": -0.0493
        "term:goal": 0.0677
        "term:switzerland": 0.2648
        "term:peace talks": -0.2638
        "term:sergei lavrov": 0.0187
        "term:syrian people": 0.2178
        "term:propose": 0.436
        "term:syrian president": -0.0482
        "term:accept": 0.3328
        "term:process": 0.5146
        "term:minister sergei": 0.1111
        "term:pull": 0.417
        "term:role": 0.5566
        "term:syrian national": -0.0665
        "term:peace": 0.4971
        "term:body": 0.2704
        "term:lavrov": 0.4464
    crosslingual-model:
      bias: -8.0363
      threshold: 0.5
      weights:
        "subject": 0.2038
        "subject-lead": 0.1897
        "subject-spread": 0.0545
        "action": 2.3006
        "action-near": 1.4387
        "action-paragraph": 1.0044
        "action-article": 1.3549
        "action-near-lead": -0.1358
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
      any: ["snowden"]
      ru: ["сноуден", "сноудена", "сноудену", "сноуденом", "сноудене"]
    refers:
      en: ["whistleblower", "former contractor", "leaker", "nsa leaker", "former nsa contractor"]
    action:
      en: ["extradite", "extradition", "asylum", "return", "hand over", "handed over", "expel", "deport", "passport", "surrender", "refuge", "provisional arrest", "fugitive", "transit", "espionage", "charges", "charged", "residence permit", "airport", "flight", "travel document"]
      fr: ["extradition", "extrader", "asile", "remettre", "expulser", "passeport", "refuge", "extradé"]
      de: ["auslieferung", "ausliefern", "asyl", "ausweisen", "reisepass", "abschiebung", "übergabe", "auszuliefern"]
      es: ["extradición", "extraditar", "asilo", "entregar", "expulsar", "pasaporte", "refugio", "entrega"]
      ru: ["экстрадиция", "экстрадиции", "экстрадицию", "экстрадировать", "выдача", "выдачи", "выдачу", "выдаче", "выдать", "убежище", "убежища", "убежищем", "паспорт", "паспорта", "вернуть", "возвращение", "возвращения", "выслать", "депортировать", "транзитной зоне", "шереметьево", "аэропорту", "шпионаж", "шпионаже", "обвинения"]
    terms: ["hong", "hong kong", "kong", "snowden asylum", "sheremetyevo", "sheremetyevo airport", "transit zone", "transit area", "moscow airport", "temporary asylum", "classified", "travel", "applied", "bolivia", "disclose", "ecuador", "contractor", "edward", "latin", "information", "wikileaks", "edward snowden", "surveillance program", "grant", "lawyer", "man", "leak", "temporary", "request", "case"]
    model:
      bias: -4.7972
      threshold: 0.5
      weights:
        "subject": 1.0923
        "subject-lead": 0.4724
        "subject-spread": 0.242
        "action": 0.3577
        "action-near": 0.5934
        "action-paragraph": 0.4385
        "action-article": 0.329
        "action-near-lead": 0.1733
        "rules-lead": 0.1617
        "rules": 0.6002
        "rules-subject": 0.6903
        "phrase:extradite snowden": 0.0025
        "condition:1": 0.4863
        "condition:2": 0.432
        "term:hong": 0.1304
        "term:hong kong": 0.1304
        "term:kong": 0.1304
        "term:snowden asylum": 0.0293
        "term:sheremetyevo": 0.0586
        "term:sheremetyevo airport": 0.0469
        "term:transit zone": 0.0526
        "term:transit area": 0.0358
        "term:moscow airport": -0.0553
        "term:temporary asylum": 0.0619
        "term:classified": -0.0138
        "term:travel": 0.014
        "term:applied": 0.0063
        "term:bolivia": 0.3941
        "term:disclose": 0.0425
        "term:ecuador": 0.1469
        "term:contractor": 0.1664
        "term:edward": 0.3381
        "term:latin": -0.0496
        "term:information": 0.1911
        "term:wikileaks": -0.0984
        "term:edward snowden": 0.1262
        "term:surveillance program": 0.0057
        "term:grant": -0.0088
        "term:lawyer": 0.0649
        "term:man": 0.0503
        "term:leak": 0.0559
        "term:temporary": -0.0755
        "term:request": 0.2603
        "term:case": 0.049
    crosslingual-model:
      bias: -4.2321
      threshold: 0.5
      weights:
        "subject": 1.5325
        "subject-lead": 0.496
        "subject-spread": 0.4415
        "action": 0.4314
        "action-near": 0.9699
        "action-paragraph": 0.786
        "action-article": 0.4915
        "action-near-lead": 0.2739
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
      any: ["assad"]
      en: ["syria", "syrian", "syrians", "damascus", "free syrian army"]
      fr: ["syrie", "syrien", "syrienne", "syriens", "syriennes", "damas"]
      de: ["syrien", "syrische", "syrischen", "syrischer", "syrisches", "damaskus"]
      es: ["siria", "sirio", "siria", "sirios", "sirias", "damasco"]
      ru: ["сирия", "сирии", "сирию", "сирией", "сирийский", "сирийская", "сирийское", "сирийские", "сирийского", "сирийской", "сирийскому", "сирийским", "сирийских", "сирийскими", "сирийцы", "сирийцев", "дамаск", "дамаска", "дамаске", "асад", "асада", "асаду", "асадом"]
    refers:
      en: ["rebels", "opposition", "regime"]
      fr: ["rebelles", "opposition", "régime"]
      de: ["rebellen", "opposition", "regime"]
      es: ["rebeldes", "oposición", "régimen"]
      ru: ["повстанцы", "повстанцев", "повстанцам", "оппозиция", "оппозиции", "оппозицию", "режим", "режима", "режиму"]
    action:
      en: ["arm", "arming", "military aid", "lethal aid", "non-lethal", "military assistance", "military support", "supply", "supplies", "shipment", "deliver", "delivery", "provide", "airdrop", "smuggle", "funnel", "embargo", "military equipment", "equip"]
      fr: ["livraison", "livraisons", "livrer", "fournir", "embargo", "aide militaire", "armer", "armement"]
      de: ["waffenlieferungen", "waffenlieferung", "lieferung", "liefern", "embargo", "militärhilfe", "aufrüsten"]
      es: ["suministro", "suministrar", "envío", "enviar", "embargo", "ayuda militar", "armar", "armamento"]
      ru: ["поставки", "поставка", "поставок", "поставку", "поставках", "поставлять", "поставить", "поставляет", "поставляют", "вооружать", "вооружить", "вооружение", "вооружения", "военная помощь", "военной помощи", "военную помощь", "эмбарго", "снабжать", "снабжение"]
    terms: ["syrian rebel", "anti aircraft", "ammunition", "assistance", "lethal", "extremist", "assad regime", "contract", "cia", "intervention", "bashar assad", "syrian army", "arms", "tank", "european union", "train", "aircraft", "britain", "battle", "jordan", "pledge", "bashar", "army", "weapon", "hezbollah", "small", "missile", "union", "president bashar", "fighter"]
    model:
      bias: -10.0255
      threshold: 0.2
      weights:
        "subject": 1.1156
        "subject-lead": 0.2996
        "subject-spread": 0.3565
        "action": 1.7691
        "action-near": 0.8803
        "action-paragraph": 1.467
        "action-article": 0.6135
        "action-near-lead": 1.1672
        "rules-lead": 0.024
        "rules": 0.7147
        "penalties": -0.2161
        "penalty-dominant": -0.2779
        "rules-subject": 1.9346
        "rules-elsewhere": -0.2424
        "penalties-lead": -0.1401
        "phrase:arm the rebels": 0.3978
        "phrase:arm the syrian rebels": 0.0002
        "phrase:arm the opposition": 0.0003
        "phrase:weapons to the rebels": 0.0271
        "phrase:arms to syria": 0.0023
        "phrase:lethal aid": -0.1988
        "phrase:arms embargo": 0.6457
        "phrase:chemical weapons": -0.3632
        "phrase:weapons inspectors": -0.004
        "condition:1": 0.4243
        "condition:2": 0.5814
        "term:syrian rebel": 0.8407
        "term:anti aircraft": 0.0627
        "term:ammunition": 0.7477
        "term:assistance": 0.5303
        "term:lethal": 1.0114
        "term:extremist": 0.0542
        "term:assad regime": 0.8648
        "term:contract": 0.194
        "term:cia": 0.2069
        "term:intervention": -0.0996
        "term:bashar assad": 0.2533
        "term:syrian army": -0.4129
        "term:arms": 0.2147
        "term:tank": 0.0305
        "term:european union": 0.0478
        "term:train": 0.8874
        "term:aircraft": 0.9051
        "term:britain": 0.118
        "term:battle": -0.1524
        "term:jordan": -0.2445
        "term:pledge": 0.3884
        "term:bashar": -0.0693
        "term:army": -0.169
        "term:weapon": -0.1228
        "term:hezbollah": -0.8113
        "term:small": 0.0911
        "term:missile": 0.1384
        "term:union": 0.1847
        "term:president bashar": -0.4606
        "term:fighter": 0.4247
    crosslingual-model:
      bias: -9.4837
      threshold: 0.2
      weights:
        "subject": 2.144
        "subject-lead": -1.2399
        "subject-spread": -1.5881
        "action": 3.5538
        "action-near": 0.2406
        "action-paragraph": 2.0012
        "action-article": 1.0323
        "action-near-lead": 1.6815
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
