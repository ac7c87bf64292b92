/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle). Generated from
/// deploy/taxonomy.yaml by scripts/fit-default-taxonomy.sh: edit the YAML
/// (phrases, subject and action terms) and rerun the script.
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
# Fitted by `newswire taxonomy fit` (classifier keyword-ac-lr-2); phrases, conditions, subject
# and action terms are written by hand, terms and models by the fit. Cross-validated macro-F1 0.932.
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
    terms: ["lakhdar", "lakhdar brahimi", "arab league", "league", "governing body", "transitional governing", "transitional", "international conference", "syria peace", "solution", "table", "take part", "governed", "moon", "goal", "sergei lavrov", "switzerland", "peace talks", "syrian people", "propose", "minister sergei", "syrian president", "accept", "process", "pull", "role", "syrian national", "peace", "russian foreign", "body"]
    model:
      bias: -9.3348
      threshold: 0.475
      weights:
        "subject": 0.2265
        "subject-lead": 0.3599
        "subject-spread": 0.3002
        "action": 2.1286
        "action-near": 0.4951
        "action-paragraph": 0.7028
        "action-article": 1.5669
        "rules-lead": 0.2493
        "rules": 1.8755
        "phrase:geneva ii": 0.4306
        "phrase:geneva 2": 0.0706
        "phrase:geneva communique": 0.0001
        "phrase:geneva conference": 1.4531
        "phrase:peace conference in geneva": 0.7602
        "phrase:syria peace conference": -0.3367
        "phrase:syrian peace conference": 0.0123
        "phrase:peace conference on syria": 0.0848
        "phrase:syria peace talks": 0.002
        "phrase:peace talks on syria": 0.0001
        "phrase:syria talks": 0.0244
        "phrase:transitional governing body": 0.4445
        "phrase:transitional government": 0.8237
        "phrase:transition government": 0.0086
        "phrase:political transition": 0.1465
        "phrase:political settlement": 0.6516
        "phrase:political solution": 0.1358
        "phrase:negotiated settlement": -0.0087
        "phrase:negotiating table": 0.1594
        "phrase:negotiating team": 0.1033
        "phrase:opposition delegation": 0.0116
        "condition:1": -0.4297
        "term:lakhdar": 1.1929
        "term:lakhdar brahimi": 1.1929
        "term:arab league": 0.1415
        "term:league": 0.1416
        "term:governing body": 0.4445
        "term:transitional governing": 0.4445
        "term:transitional": 1.3014
        "term:international conference": 0.3164
        "term:syria peace": -0.2732
        "term:solution": 0.2648
        "term:table": 0.5842
        "term:take part": 1.71
        "term:governed": 0.4222
        "term:moon": -0.2171
        "term:goal": 0.1014
        "term:sergei lavrov": 0.1061
        "term:switzerland": 0.4703
        "term:peace talks": -0.7037
        "term:syrian people": 0.2906
        "term:propose": 0.6593
        "term:minister sergei": 0.2855
        "term:syrian president": -0.0609
        "term:accept": 0.6209
        "term:process": 0.8964
        "term:pull": 0.8263
        "term:role": 0.9647
        "term:syrian national": -0.1288
        "term:peace": 0.7054
        "term:russian foreign": 0.3364
        "term:body": 0.4582
    crosslingual-model:
      bias: -10.4852
      threshold: 0.475
      weights:
        "subject": 0.0847
        "subject-lead": 0.2768
        "subject-spread": 0.2033
        "action": 3.2571
        "action-near": 1.3741
        "action-paragraph": 0.5836
        "action-article": 2.7783
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
      en: ["whistleblower", "former contractor", "leaker", "nsa leaker", "former nsa contractor"]
    action:
      en: ["extradite", "extradition", "asylum", "return", "hand over", "handed over", "expel", "deport", "passport", "surrender", "refuge", "provisional arrest", "fugitive", "transit", "espionage", "charges", "charged", "residence permit", "airport", "flight", "travel document"]
      fr: ["extradition", "extrader", "asile", "remettre", "expulser", "passeport", "refuge", "extradé"]
      de: ["auslieferung", "ausliefern", "asyl", "ausweisen", "reisepass", "abschiebung", "übergabe", "auszuliefern"]
      es: ["extradición", "extraditar", "asilo", "entregar", "expulsar", "pasaporte", "refugio", "entrega"]
    terms: ["hong", "hong kong", "kong", "snowden asylum", "sheremetyevo", "sheremetyevo airport", "transit zone", "transit area", "moscow airport", "temporary asylum", "classified", "travel", "applied", "bolivia", "disclose", "ecuador", "contractor", "edward", "latin", "information", "man", "wikileaks", "edward snowden", "surveillance program", "grant", "lawyer", "leak", "temporary", "request", "case"]
    model:
      bias: -4.0469
      threshold: 0.4
      weights:
        "subject": 0.7843
        "subject-lead": 0.2737
        "subject-spread": 0.2231
        "action": 0.4238
        "action-near": 0.531
        "action-paragraph": 0.4442
        "action-article": 0.3514
        "rules-lead": 0.1756
        "rules": 0.5102
        "phrase:extradite snowden": 0.0059
        "condition:1": 0.3823
        "condition:2": 0.4182
        "term:hong": 0.1168
        "term:hong kong": 0.1168
        "term:kong": 0.1168
        "term:snowden asylum": 0.0393
        "term:sheremetyevo": 0.0534
        "term:sheremetyevo airport": 0.0433
        "term:transit zone": 0.0422
        "term:transit area": 0.0343
        "term:moscow airport": 0.0315
        "term:temporary asylum": 0.0834
        "term:classified": 0.0246
        "term:travel": 0.0366
        "term:applied": 0.0165
        "term:bolivia": 0.1879
        "term:disclose": 0.0402
        "term:ecuador": 0.0988
        "term:contractor": 0.135
        "term:edward": 0.2759
        "term:latin": 0.0387
        "term:information": 0.09
        "term:man": 0.0529
        "term:wikileaks": -0.011
        "term:edward snowden": 0.1225
        "term:surveillance program": 0.0266
        "term:grant": 0.0445
        "term:lawyer": 0.0617
        "term:leak": 0.0586
        "term:temporary": 0.0433
        "term:request": 0.193
        "term:case": 0.0535
    crosslingual-model:
      bias: -3.6514
      threshold: 0.4
      weights:
        "subject": 1.0569
        "subject-lead": 0.3614
        "subject-spread": 0.3461
        "action": 0.5134
        "action-near": 0.7354
        "action-paragraph": 0.6327
        "action-article": 0.4464
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
      en: ["syria", "syrian", "syrians", "damascus", "rebels", "free syrian army"]
      fr: ["syrie", "syrien", "syrienne", "syriens", "syriennes", "damas"]
      de: ["syrien", "syrische", "syrischen", "syrischer", "syrisches", "damaskus"]
      es: ["siria", "sirio", "siria", "sirios", "sirias", "damasco"]
    action:
      en: ["arm", "arming", "military aid", "lethal aid", "non-lethal", "military assistance", "military support", "supply", "supplies", "shipment", "deliver", "delivery", "provide", "airdrop", "smuggle", "funnel", "embargo", "military equipment", "equip"]
      fr: ["livraison", "livraisons", "livrer", "fournir", "embargo", "aide militaire", "armer", "armement"]
      de: ["waffenlieferungen", "waffenlieferung", "lieferung", "liefern", "embargo", "militärhilfe", "aufrüsten"]
      es: ["suministro", "suministrar", "envío", "enviar", "embargo", "ayuda militar", "armar", "armamento"]
    terms: ["syrian rebel", "anti aircraft", "ammunition", "assistance", "lethal", "extremist", "assad regime", "contract", "cia", "intervention", "bashar assad", "syrian army", "arms", "tank", "european union", "train", "regime", "aircraft", "britain", "battle", "jordan", "pledge", "bashar", "army", "weapon", "hezbollah", "small", "missile", "union", "president bashar"]
    model:
      bias: -8.3254
      threshold: 0.1
      weights:
        "subject": 0.8751
        "subject-lead": 0.7183
        "subject-spread": 0.3057
        "action": 1.5721
        "action-near": 0.6932
        "action-paragraph": 1.0125
        "action-article": 0.6379
        "rules-lead": 0.5353
        "rules": 0.617
        "penalties": -0.4554
        "penalty-dominant": -0.3173
        "phrase:arm the rebels": 0.3164
        "phrase:arm the syrian rebels": 0.0015
        "phrase:arm the opposition": 0.0077
        "phrase:weapons to the rebels": 0.057
        "phrase:arms to syria": 0.0252
        "phrase:lethal aid": -0.3962
        "phrase:arms embargo": 0.3668
        "phrase:chemical weapons": -0.7194
        "phrase:weapons inspectors": -0.0236
        "condition:1": 0.9194
        "condition:2": 0.7497
        "term:syrian rebel": 0.7784
        "term:anti aircraft": 0.1136
        "term:ammunition": 0.8288
        "term:assistance": 0.1589
        "term:lethal": 0.2366
        "term:extremist": 0.0914
        "term:assad regime": 0.5529
        "term:contract": 0.1621
        "term:cia": 0.2662
        "term:intervention": -0.0429
        "term:bashar assad": 0.1477
        "term:syrian army": -0.2047
        "term:arms": 0.4022
        "term:tank": 0.0239
        "term:european union": 0.0685
        "term:train": 0.7625
        "term:regime": 0.5048
        "term:aircraft": 0.9499
        "term:britain": 0.1574
        "term:battle": -0.2465
        "term:jordan": -0.1858
        "term:pledge": 0.316
        "term:bashar": 0.1292
        "term:army": 0.0954
        "term:weapon": -0.1304
        "term:hezbollah": -0.4152
        "term:small": 0.0792
        "term:missile": 0.0607
        "term:union": 0.0616
        "term:president bashar": -0.1115
    crosslingual-model:
      bias: -7.5116
      threshold: 0.1
      weights:
        "subject": 1.2516
        "subject-lead": 0.0679
        "subject-spread": -0.269
        "action": 2.3879
        "action-near": 0.7771
        "action-paragraph": 1.5263
        "action-article": 0.7293
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
