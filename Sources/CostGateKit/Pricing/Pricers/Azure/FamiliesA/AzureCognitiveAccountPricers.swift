import FoundationEssentials
/// `azurerm_cognitive_account`: the pay-as-you-go meters of Speech (`SpeechServices`), LUIS and Language
/// (`TextAnalytics`) accounts, each from its usage key (Infracost's names and labels); the free F0 SKU costs nothing,
/// and OpenAI accounts bill through their deployments. Speech commitment tiers replace their pay-as-you-go meters
/// (LUIS and Language commitment tiers are not modelled).
enum AzureACognitiveAccountPricers {
    /// One usage meter: label, unit, Infracost's usage key, and the amount of the key one unit holds.
    struct Meter: Sendable {
        let name: String
        let unit: String
        let key: UsageKey
        let per: Decimal
    }

    static func meter(_ name: String, _ unit: String, _ key: String, per: Decimal = 1, keyUnit: String) -> Meter {
        Meter(name: name, unit: unit, key: UsageKey(key, unit: keyUnit, "\(name.lowercased()) a month"), per: per)
    }

    static let speech: [Meter] = [
        meter("Speech to text", "hours", "monthly_speech_to_text_standard_hrs", keyUnit: "hours"),
        meter("Speech to text batch", "hours", "monthly_speech_to_text_standard_batch_hrs", keyUnit: "hours"),
        meter("Speech to text custom model", "hours", "monthly_speech_to_text_custom_hrs", keyUnit: "hours"),
        meter("Speech to text custom model batch", "hours", "monthly_speech_to_text_custom_batch_hrs", keyUnit: "hours"),
        meter("Speech to text custom endpoint hosting", "hours", "monthly_speech_to_text_custom_endpoint_hrs", keyUnit: "hours"),
        meter("Speech to text custom training", "hours", "monthly_speech_to_text_custom_training_hrs", keyUnit: "hours"),
        meter("Speech to text enhanced add-ons", "hours", "monthly_speech_to_text_enhanced_add_ons_hrs", keyUnit: "hours"),
        meter("Speech to text conversation transcription multi-channel audio", "hours",
              "monthly_speech_to_text_conversation_transcription_multi_channel_audio_hrs", keyUnit: "hours"),
        meter("Text to speech neural", "1M chars", "monthly_text_to_speech_neural_chars", per: 1_000_000, keyUnit: "characters"),
        meter("Text to speech custom neural training", "hours", "monthly_text_to_speech_custom_neural_training_hrs", keyUnit: "hours"),
        meter("Text to speech custom neural", "1M chars", "monthly_text_to_speech_custom_neural_chars", per: 1_000_000, keyUnit: "characters"),
        meter("Text to speech custom neural endpoint hosting", "hours", "monthly_text_to_speech_custom_neural_endpoint_hrs", keyUnit: "hours"),
        meter("Text to speech long audio", "1M chars", "monthly_text_to_speech_long_audio_chars", per: 1_000_000, keyUnit: "characters"),
        meter("Text to speech personal voice profiles", "1K profiles", "monthly_text_to_speech_personal_voice_profiles", per: 1000, keyUnit: "profiles"),
        meter("Text to speech personal voice characters", "1M chars", "monthly_text_to_speech_personal_voice_chars", per: 1_000_000, keyUnit: "characters"),
        meter("Speech translation", "hours", "monthly_speech_translation_hrs", keyUnit: "hours"),
        meter("Speaker verification", "1K transactions", "monthly_speaker_verification_transactions", per: 1000, keyUnit: "transactions"),
        meter("Speaker identification", "1K transactions", "monthly_speaker_identification_transactions", per: 1000, keyUnit: "transactions"),
        meter("Voice profiles", "1K profiles", "monthly_voice_profiles", per: 1000, keyUnit: "profiles"),
    ]

    /// Speech commitment tiers (standard and connected container): the committed amount and the overage beyond it,
    /// from Infracost's usage keys; `payg` is the pay-as-you-go meter they replace. Azure offers fixed tier amounts.
    struct Commitment: Sendable {
        let payg: String
        let unit: String
        let per: Decimal
        let tiers: [Decimal]
        let standard: (amount: UsageKey, overage: UsageKey)
        let connected: (amount: UsageKey, overage: UsageKey)
    }

    static func commitment(_ payg: String, _ stem: String, chars: Bool = false) -> Commitment {
        let unit = chars ? "1M chars" : "hours"
        let keyUnit = chars ? "characters" : "hours"
        let amountSuffix = chars ? "_commitment_chars" : "_hrs"
        let overageSuffix = chars ? "_overage_chars" : "_overage_hrs"
        func key(_ name: String, _ meaning: String) -> UsageKey { UsageKey(name, unit: keyUnit, meaning) }
        return Commitment(
            payg: payg, unit: unit, per: chars ? 1_000_000 : 1,
            tiers: chars ? [80_000_000, 400_000_000, 2_000_000_000] : [2000, 10_000, 50_000],
            standard: (key("monthly_commitment_\(stem)\(amountSuffix)", "\(payg.lowercased()) committed a month"),
                       key("monthly_commitment_\(stem)\(overageSuffix)", "\(payg.lowercased()) beyond the commitment a month")),
            connected: (key("monthly_connected_container_commitment_\(stem)\(amountSuffix)",
                            "\(payg.lowercased()) committed a month (connected containers)"),
                        key("monthly_connected_container_commitment_\(stem)\(overageSuffix)",
                            "\(payg.lowercased()) beyond the commitment a month (connected containers)")))
    }

    static let speechCommitments: [Commitment] = [
        commitment("Speech to text", "speech_to_text_standard"),
        commitment("Speech to text custom model", "speech_to_text_custom"),
        commitment("Speech to text enhanced add-ons", "speech_to_text_enhanced_add_ons"),
        commitment("Text to speech neural", "text_to_speech_neural", chars: true),
    ]

    static let luis: [Meter] = [
        meter("Text requests", "1K transactions", "monthly_luis_text_requests", per: 1000, keyUnit: "requests"),
        meter("Speech requests", "1K transactions", "monthly_luis_speech_requests", per: 1000, keyUnit: "requests"),
    ]

    /// Language meters that are not tiered; the tiered ones follow in `language(_:)`.
    static let language: [Meter] = [
        meter("Summarization", "1K records", "monthly_language_summarization_records", per: 1000, keyUnit: "records"),
        meter("Conversational language understanding", "1K records",
              "monthly_language_conversational_language_understanding_records", per: 1000, keyUnit: "records"),
        meter("Conversational language understanding advanced training", "hour",
              "monthly_language_conversational_language_understanding_advanced_training_hours", keyUnit: "hours"),
        meter("Customized text classification", "1K records", "monthly_language_customized_text_classification_records", per: 1000, keyUnit: "records"),
        meter("Customized summarization", "1K records", "monthly_language_customized_summarization_records", per: 1000, keyUnit: "records"),
        meter("Customized training", "hour", "monthly_language_customized_training_hours", keyUnit: "hours"),
    ]
    static let textAnalytics = UsageKey("monthly_language_text_analytics_records", unit: "records", "text analytics records a month")
    static let questionAnswering = UsageKey("monthly_language_customized_question_answering_records", unit: "records",
                                            "customized question answering records a month")
    static let health = UsageKey("monthly_language_text_analytics_for_health_records", unit: "records",
                                 "text analytics for health records a month")

    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_cognitive_account"], attributes: ["kind", "sku_name"],
                        usage: (speech + luis + language).map(\.key) + [textAnalytics, questionAnswering, health]
                            + speechCommitments.flatMap { [$0.standard.amount, $0.standard.overage, $0.connected.amount, $0.connected.overage] }) { c in
            account(&c)
        },
    ]

    static func account(_ c: inout Components) {
        let a = c.resource.attributes
        let kind = (a["kind"].nonEmptyString ?? "").lowercased()
        let sku = (a["sku_name"].nonEmptyString ?? "").lowercased()
        if sku == "f0" {
            c.assume("free F0 SKU: no charge")
            return
        }
        if kind == "openai" {
            c.assume("OpenAI account: its deployments (azurerm_cognitive_deployment) bill the use")
            return
        }
        let meters: [Meter]
        switch kind {
        case "speechservices": meters = speech
        case "luis": meters = luis
        case "textanalytics": meters = language
        default:
            c.line("Cognitive services (\(a["kind"].string ?? "kind not set"))", unit: "month",
                   quantity: .notDeclared(reason: "kind \(a["kind"].string ?? "not set") has no known meters"))
            return
        }
        guard ["s0", "s1", "s"].contains(sku) else {
            c.line("Cognitive services (\(a["sku_name"].string ?? "sku not set"))", unit: "month",
                   quantity: .notDeclared(reason: "SKU \(a["sku_name"].string ?? "not set") has no known meters"))
            return
        }
        if kind == "textanalytics" {
            let perK = Decimal(1) / 1000
            tieredFromSecond(&c, "Text analytics", ["first 500K", "500K-2.5M", "2.5M-10M", "over 10M"], textAnalytics,
                             widths: [500, 2000, 7500], times: perK)
        }
        for m in meters {
            if kind == "speechservices", let plan = speechCommitments.first(where: { $0.payg == m.name }) {
                // commitment tiers replace the pay-as-you-go meter, unless its own usage is given too
                let standard = commit(&c, plan, plan.standard, label: "commitment", overageLabel: "overage")
                let connected = commit(&c, plan, plan.connected, label: "connected container commitment",
                                       overageLabel: "connected container overage")
                if standard || connected, c.context.usage[m.key] == nil { continue }
            }
            c.usage(m.name, unit: m.unit, m.key, times: 1 / m.per)
        }
        if kind == "textanalytics" {
            let perK = Decimal(1) / 1000
            tieredFromSecond(&c, "Customized question answering", ["first 2.5M", "over 2.5M"], questionAnswering, widths: [2500], times: perK)
            // the first 5K health records are free (Infracost leaves that tier out)
            tieredFromSecond(&c, "Text analytics for health", ["first 5K", "5K-500K", "500K-2.5M", "2.5M-10M", "over 10M"], health,
                             widths: [5, 495, 2000, 7500], times: perK, skipFirst: true)
        }
    }

    /// A Speech commitment tier from the usage file: the committed amount a month and the overage, keyed by the tier
    /// (`…/commitment=2000`), which only Azure's tier amounts have. True when the usage gives a commitment.
    static func commit(_ c: inout Components, _ plan: Commitment, _ keys: (amount: UsageKey, overage: UsageKey), label: String,
                       overageLabel: String) -> Bool {
        guard let amount = c.context.usage[keys.amount] else { return false }
        guard plan.tiers.contains(amount) else {
            c.line("\(plan.payg) (\(label))", unit: plan.unit,
                   quantity: .notDeclared(reason: "\(amount) is not a commitment tier (\(plan.tiers.map { "\($0)" }.joined(separator: ", ")))"))
            return true
        }
        let tier = "commitment=\(amount)"
        AzureA.line(&c, "\(plan.payg) (\(label))", unit: plan.unit, quantity: .value(amount / plan.per), qualifier: tier, usageBased: true)
        if let overage = c.context.usage[keys.overage], overage > 0 {
            AzureA.line(&c, "\(plan.payg) (\(overageLabel))", unit: plan.unit, quantity: .value(overage / plan.per), qualifier: tier,
                        usageBased: true)
        }
        return true
    }

    /// Infracost's Language tiers: without usage the line named is the second tier's (the first paid price).
    static func tieredFromSecond(_ c: inout Components, _ base: String, _ suffixes: [String], _ key: UsageKey, widths: [Decimal],
                                 times factor: Decimal, skipFirst: Bool = false) {
        let names = suffixes.map { "\(base) (\($0))" }
        guard let given = c.context.usage[key] else {
            c.line(names[1], unit: "1K records", quantity: .usageNotGiven, usageBased: true)
            return
        }
        for (i, amount) in AzureA.tiers(given * factor, widths: widths).enumerated() where amount > 0 && i < names.count {
            if skipFirst && i == 0 { continue }
            c.line(names[i], unit: "1K records", quantity: .value(amount), usageBased: true)
        }
    }
}
