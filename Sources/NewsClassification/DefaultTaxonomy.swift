/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle).
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
# The built-in Newswire taxonomy. Weights are on the scale of the score
# formula (see TopicClassifier): a total of about 0.7 assigns a topic at the
# default threshold of 0.5. Single words that are common in unrelated news
# ("talks", "weapons", "rebels") only count through proximity conditions, so
# that each topic needs its subject (Syria, Snowden) next to its action.
name: newswire-default
version: "1"
topics:
  - id: syria-talks
    label: Syria peace talks
    description: >
      Diplomacy toward a Syrian peace conference or political settlement:
      Geneva II, US-Russia talks on Syria, a transitional government, the
      opposition attending or forming negotiating teams. Peace talks about
      other conflicts do not belong here.
    phrases:
      - { text: geneva ii, weight: 1.0 }
      - { text: geneva 2, weight: 1.0 }
      - { text: geneva communique, weight: 0.8 }
      - { text: geneva conference, weight: 0.5 }
      - { text: geneva peace conference, weight: 0.6 }
      - { text: peace conference in geneva, weight: 0.6 }
      - { text: syria peace conference, weight: 1.0 }
      - { text: syrian peace conference, weight: 1.0 }
      - { text: peace conference on syria, weight: 1.0 }
      - { text: syria peace talks, weight: 1.0 }
      - { text: syrian peace talks, weight: 1.0 }
      - { text: peace talks on syria, weight: 1.0 }
      - { text: syria talks, weight: 0.8 }
      - { text: transitional governing body, weight: 0.6 }
      - { text: transitional government, weight: 0.3 }
      - { text: transition government, weight: 0.3 }
      - { text: political transition, weight: 0.3 }
      - { text: political settlement, weight: 0.3 }
      - { text: political solution, weight: 0.2 }
      - { text: negotiated settlement, weight: 0.2 }
      - { text: negotiating table, weight: 0.2 }
      - { text: negotiating team, weight: 0.3 }
      - { text: opposition delegation, weight: 0.4 }
    conditions:
      - anchor: [syria, syrian, assad, damascus]
        context:
          - talks
          - negotiations
          - peace conference
          - international conference
          - geneva
          - political settlement
          - political transition
          - political solution
          - transitional government
          - transition
          - delegation
          - peace process
        within: 12
        weight: 0.35

  - id: snowden-request
    label: Snowden handover
    description: >
      The United States asking Russia or another country to return, hand
      over, expel or extradite Edward Snowden, and the fight over his asylum.
      Stories about his surveillance disclosures alone do not belong here.
    phrases:
      - { text: extradite snowden, weight: 0.5 }
    conditions:
      - anchor: [snowden]
        context:
          - return
          - hand over
          - extradite
          - asylum
          - refuge
          - expel
          - deport
          - surrender
          - send back
          - sent back
          - send him back
          - sent him back
          - provisional arrest
        within: 12
        weight: 1.0
      # The same request a sentence or two away ("... he could fight extradition").
      - anchor: [snowden]
        context: [return, hand over, extradite, asylum, refuge, expel, deport, surrender, send back, sent back, provisional arrest]
        within: 60
        weight: 0.5

  - id: arms-supply
    label: Arms for the Syrian war
    description: >
      Weapons, ammunition or military aid supplied to a side of the Syrian
      war, rebels or the Assad government. Arms sales unrelated to Syria and
      chemical weapons inspections do not belong here.
    phrases:
      - { text: arm the rebels, weight: 0.8 }
      - { text: arm the syrian rebels, weight: 0.8 }
      - { text: arm the opposition, weight: 0.6 }
      - { text: arms to the rebels, weight: 0.8 }
      - { text: weapons to the rebels, weight: 0.8 }
      - { text: arms to syria, weight: 0.6 }
      - { text: weapons to syria, weight: 0.6 }
      - { text: lethal aid, weight: 0.6 }
      - { text: arms embargo, weight: 0.3 }
      - { text: chemical weapons, weight: -0.4 }
      - { text: weapons inspectors, weight: -0.3 }
    conditions:
      - anchor: [arms, weapons, ammunition, missiles, rifles, munitions, military aid, military assistance, military equipment, antitank, anti-tank, mortars, machine guns, air-defense, rockets]
        context: [syria, syrian, rebels, opposition, assad, damascus, hezbollah]
        within: 12
        weight: 0.4
      - anchor: [supply, supplier, provide, send, sent, ship, shipment, deliver, delivery, arm, equip, sell, sale, transfer, funnel, smuggle, resupply, airlift, fly, carry]
        context: [arms, weapons, ammunition, missiles, rifles, munitions, military aid, military assistance, military equipment, antitank, anti-tank, mortars, machine guns]
        within: 6
        weight: 0.25
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
