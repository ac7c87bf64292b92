/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle). Generated from
/// deploy/taxonomy.yaml by scripts/fit-default-taxonomy.sh: edit the YAML
/// (phrases, subject and action terms) and rerun the script.
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
# Fitted by `newswire taxonomy fit` (classifier keyword-ac-lr-3); phrases, conditions, subject
# and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 0.947.
# The built-in taxonomy is refitted with scripts/fit-default-taxonomy.sh (dev split of ../shared/classification-dev).
name: "newswire-default"
version: "2"
languages: ["en", "fr", "de", "es"]
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
    action:
      en: ["talks", "negotiations", "negotiate", "negotiator", "peace conference", "conference", "convene", "geneva", "communique", "political settlement", "political solution", "transition", "transitional government", "transitional governing body", "delegation", "peace process", "peace plan", "diplomacy", "diplomatic", "envoy", "invitation", "attend", "brahimi", "annan", "mediator"]
      fr: ["négociations", "pourparlers", "conférence", "genève", "transition", "délégation", "diplomatie", "règlement politique", "solution politique", "conférence de paix"]
      de: ["gespräche", "verhandlungen", "friedenskonferenz", "konferenz", "genf", "übergangsregierung", "delegation", "diplomatie", "friedensgespräche", "politische lösung"]
      es: ["conversaciones", "negociaciones", "conferencia", "ginebra", "transición", "delegación", "diplomacia", "solución política", "conferencia de paz"]
    terms: ["lakhdar", "lakhdar brahimi", "arab league", "league", "governing body", "transitional governing", "transitional", "international conference", "syria peace", "solution", "table", "take part", "governed", "moon", "goal", "switzerland", "peace talks", "sergei lavrov", "syrian people", "propose", "syrian president", "accept", "process", "minister sergei", "pull", "role", "syrian national", "peace", "body", "lavrov"]
    model:
      bias: -9.4487
      threshold: 0.7
      weights:
        "subject": 0.26
        "subject-lead": 0.4454
        "subject-spread": 0.3546
        "action": 2.0318
        "action-near": 0.4708
        "action-paragraph": 0.7002
        "action-article": 1.3374
        "action-near-lead": 0.02
        "rules-lead": 0.2082
        "rules": 1.5069
        "rules-subject": 0.6105
        "rules-elsewhere": 1.3875
        "phrase:geneva ii": 0.4166
        "phrase:geneva 2": 0.0243
        "phrase:geneva communique": 0.0001
        "phrase:geneva conference": 1.3266
        "phrase:peace conference in geneva": 0.7723
        "phrase:syria peace conference": -0.4691
        "phrase:syrian peace conference": 0.0267
        "phrase:peace conference on syria": 0.0755
        "phrase:syria peace talks": 0.0011
        "phrase:syria talks": 0.0159
        "phrase:transitional governing body": 0.4261
        "phrase:transitional government": 0.8237
        "phrase:transition government": 0.0122
        "phrase:political transition": 0.139
        "phrase:political settlement": 0.6474
        "phrase:political solution": 0.0716
        "phrase:negotiated settlement": -0.0383
        "phrase:negotiating table": 0.0679
        "phrase:negotiating team": 0.0308
        "phrase:opposition delegation": 0.0062
        "condition:1": -0.6038
        "term:lakhdar": 1.1333
        "term:lakhdar brahimi": 1.1333
        "term:arab league": 0.0684
        "term:league": 0.0684
        "term:governing body": 0.4261
        "term:transitional governing": 0.4261
        "term:transitional": 1.2596
        "term:international conference": 0.3653
        "term:syria peace": -0.4486
        "term:solution": 0.1614
        "term:table": 0.5938
        "term:take part": 1.4584
        "term:governed": 0.4082
        "term:moon": -0.2205
        "term:goal": 0.0548
        "term:switzerland": 0.4514
        "term:peace talks": -0.5993
        "term:sergei lavrov": 0.0264
        "term:syrian people": 0.3255
        "term:propose": 0.7106
        "term:syrian president": -0.0747
        "term:accept": 0.6454
        "term:process": 0.8854
        "term:minister sergei": 0.2392
        "term:pull": 0.8601
        "term:role": 0.8279
        "term:syrian national": -0.1345
        "term:peace": 0.6914
        "term:body": 0.4526
        "term:lavrov": 0.488
    crosslingual-model:
      bias: -11.0605
      threshold: 0.7
      weights:
        "subject": 0.1388
        "subject-lead": 0.4821
        "subject-spread": 0.2431
        "action": 3.5037
        "action-near": 1.4519
        "action-paragraph": 0.8209
        "action-article": 2.6586
        "action-near-lead": -0.8605
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
    refers:
      en: ["whistleblower", "former contractor", "leaker", "nsa leaker", "former nsa contractor"]
    action:
      en: ["extradite", "extradition", "asylum", "return", "hand over", "handed over", "expel", "deport", "passport", "surrender", "refuge", "provisional arrest", "fugitive", "transit", "espionage", "charges", "charged", "residence permit", "airport", "flight", "travel document"]
      fr: ["extradition", "extrader", "asile", "remettre", "expulser", "passeport", "refuge", "extradé"]
      de: ["auslieferung", "ausliefern", "asyl", "ausweisen", "reisepass", "abschiebung", "übergabe", "auszuliefern"]
      es: ["extradición", "extraditar", "asilo", "entregar", "expulsar", "pasaporte", "refugio", "entrega"]
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
      bias: -4.2178
      threshold: 0.5
      weights:
        "subject": 1.5326
        "subject-lead": 0.4922
        "subject-spread": 0.4434
        "action": 0.4278
        "action-near": 0.9688
        "action-paragraph": 0.7847
        "action-article": 0.4879
        "action-near-lead": 0.2742
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
    refers:
      en: ["rebels", "opposition", "regime"]
      fr: ["rebelles", "opposition", "régime"]
      de: ["rebellen", "opposition", "regime"]
      es: ["rebeldes", "oposición", "régimen"]
    action:
      en: ["arm", "arming", "military aid", "lethal aid", "non-lethal", "military assistance", "military support", "supply", "supplies", "shipment", "deliver", "delivery", "provide", "airdrop", "smuggle", "funnel", "embargo", "military equipment", "equip"]
      fr: ["livraison", "livraisons", "livrer", "fournir", "embargo", "aide militaire", "armer", "armement"]
      de: ["waffenlieferungen", "waffenlieferung", "lieferung", "liefern", "embargo", "militärhilfe", "aufrüsten"]
      es: ["suministro", "suministrar", "envío", "enviar", "embargo", "ayuda militar", "armar", "armamento"]
    terms: ["syrian rebel", "anti aircraft", "ammunition", "assistance", "lethal", "extremist", "assad regime", "contract", "cia", "intervention", "bashar assad", "syrian army", "arms", "tank", "european union", "train", "aircraft", "britain", "battle", "jordan", "pledge", "bashar", "army", "weapon", "hezbollah", "small", "missile", "union", "president bashar", "fighter"]
    model:
      bias: -6.3164
      threshold: 0.125
      weights:
        "subject": 0.6426
        "subject-lead": 0.2046
        "subject-spread": 0.1519
        "action": 0.8913
        "action-near": 0.6408
        "action-paragraph": 0.7634
        "action-article": 0.5009
        "action-near-lead": 0.5682
        "rules-lead": 0.3138
        "rules": 0.4514
        "penalties": -0.1156
        "penalty-dominant": -0.1495
        "rules-subject": 0.9704
        "rules-elsewhere": -0.0733
        "penalties-lead": -0.0974
        "phrase:arm the rebels": 0.1186
        "phrase:arm the syrian rebels": 0.002
        "phrase:arm the opposition": 0.0016
        "phrase:weapons to the rebels": 0.0188
        "phrase:arms to syria": 0.014
        "phrase:lethal aid": -0.0161
        "phrase:arms embargo": 0.164
        "phrase:chemical weapons": -0.1896
        "phrase:weapons inspectors": -0.0079
        "condition:1": 0.4615
        "condition:2": 0.3555
        "term:syrian rebel": 0.4641
        "term:anti aircraft": 0.0518
        "term:ammunition": 0.254
        "term:assistance": 0.1706
        "term:lethal": 0.2902
        "term:extremist": 0.0506
        "term:assad regime": 0.3162
        "term:contract": 0.0817
        "term:cia": 0.1126
        "term:intervention": -0.0371
        "term:bashar assad": 0.105
        "term:syrian army": -0.0224
        "term:arms": 0.202
        "term:tank": 0.0373
        "term:european union": 0.0387
        "term:train": 0.4402
        "term:aircraft": 0.3114
        "term:britain": 0.0652
        "term:battle": -0.03
        "term:jordan": -0.0401
        "term:pledge": 0.1421
        "term:bashar": -0.0213
        "term:army": 0.0396
        "term:weapon": 0.0792
        "term:hezbollah": -0.1773
        "term:small": 0.052
        "term:missile": 0.0894
        "term:union": 0.0751
        "term:president bashar": -0.1293
        "term:fighter": 0.2182
    crosslingual-model:
      bias: -5.9718
      threshold: 0.125
      weights:
        "subject": 0.9077
        "subject-lead": -0.1317
        "subject-spread": -0.1445
        "action": 1.5807
        "action-near": 0.9006
        "action-paragraph": 1.0894
        "action-article": 0.6227
        "action-near-lead": 0.8268
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
