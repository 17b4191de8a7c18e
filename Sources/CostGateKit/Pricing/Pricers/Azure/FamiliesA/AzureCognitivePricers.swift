import FoundationEssentials
/// Usage keys of Azure OpenAI deployments (Infracost's names), so a team can fill them from its forecasts.
enum AzureAOpenAIKeys {
    static let inputTokens = UsageKey("monthly_language_input_tokens", unit: "tokens", "text input tokens a month")
    static let outputTokens = UsageKey("monthly_language_output_tokens", unit: "tokens", "text output tokens a month")
    static let cachedInputTokens = UsageKey("monthly_language_cached_input_tokens", unit: "tokens", "cached text input tokens a month")
    static let audioInputTokens = UsageKey("monthly_audio_input_tokens", unit: "tokens", "audio input tokens a month")
    static let audioOutputTokens = UsageKey("monthly_audio_output_tokens", unit: "tokens", "audio output tokens a month")
    static let codeInterpreterSessions = UsageKey("monthly_code_interpreter_sessions", unit: "sessions", "code interpreter sessions a month")
    static let fileSearchCalls = UsageKey("monthly_file_search_tool_calls", unit: "calls", "file search tool calls a month")
    static let fileSearchStorageGB = UsageKey("monthly_file_search_storage_gb", unit: "GB", "file search vector storage")
    static let baseModelTokens = UsageKey("monthly_base_model_tokens", unit: "tokens", "base model tokens a month")
    static let fineTuningTrainingHours = UsageKey("monthly_fine_tuning_training_hours", unit: "hours", "fine tuning training hours a month")
    static let fineTuningHostingHours = UsageKey("monthly_fine_tuning_hosting_hours", unit: "hours", "fine-tuned model hosting hours a month")
    static let fineTuningInputTokens = UsageKey("monthly_fine_tuning_input_tokens", unit: "tokens", "fine-tuned model input tokens a month")
    static let fineTuningOutputTokens = UsageKey("monthly_fine_tuning_output_tokens", unit: "tokens", "fine-tuned model output tokens a month")
    static let standardSquareImages = UsageKey("monthly_standard_1024_1024_images", unit: "images", "standard 1024x1024 images a month")
    static let standardTallImages = UsageKey("monthly_standard_1024_1792_images", unit: "images", "standard 1024x1792 images a month")
    static let hdSquareImages = UsageKey("monthly_hd_1024_1024_images", unit: "images", "HD 1024x1024 images a month")
    static let hdTallImages = UsageKey("monthly_hd_1024_1792_images", unit: "images", "HD 1024x1792 images a month")
    static let embeddingTokens = UsageKey("monthly_text_embedding_tokens", unit: "tokens", "text embedding tokens a month")
    static let speechCharacters = UsageKey("monthly_text_to_speech_characters", unit: "characters", "text-to-speech characters a month")
    static let speechHours = UsageKey("monthly_text_to_speech_hours", unit: "hours", "speech (whisper) hours a month")

    static let all: [UsageKey] = [inputTokens, outputTokens, cachedInputTokens, audioInputTokens, audioOutputTokens,
                                  codeInterpreterSessions, fileSearchCalls, fileSearchStorageGB, baseModelTokens,
                                  fineTuningTrainingHours, fineTuningHostingHours, fineTuningInputTokens, fineTuningOutputTokens,
                                  standardSquareImages, standardTallImages, hdSquareImages, hdTallImages, embeddingTokens,
                                  speechCharacters, speechHours, .monthlyHrs]
}

/// `azurerm_cognitive_deployment` (Azure OpenAI): pay-as-you-go tokens per 1K by model (text, cached and audio input,
/// output; embeddings; base and fine-tuned models), fine tuning and hosting hours, images per 100, speech, code
/// interpreter sessions and file search (all usage); provisioned deployments bill their throughput units by the hour.
/// Where the facts have no price for a model, SKU or region the line says so (price not found).
enum AzureACognitivePricers {
    static let T = AzureAOpenAIKeys.self

    /// Models billed by text tokens (Infracost's language models); those with audio tokens too.
    static let languageModels: Set<String> = [
        "gpt-4.5-preview", "gpt-35-turbo", "gpt-35-turbo-16k", "gpt-4", "gpt-4-32k", "gpt-4o", "gpt-4o-mini",
        "gpt-4o-audio-preview", "gpt-4o-mini-audio-preview", "gpt-4o-realtime-preview", "gpt-4o-mini-realtime-preview",
        "computer-use-preview", "o1", "o1-mini", "o3-mini",
    ]
    static let audioModels: Set<String> = ["gpt-4o-audio-preview", "gpt-4o-mini-audio-preview", "gpt-4o-realtime-preview",
                                           "gpt-4o-mini-realtime-preview"]
    /// Model versions whose tokens bill other meters than the model's default version (Infracost's SKU table): their
    /// token keys name the version, so a price recorded for the default version is not taken for them.
    static let versionsWithOwnMeters: [String: Set<String>] = [
        "gpt-4": ["turbo-2024-04-09"], "gpt-4o": ["2024-08-06", "2024-11-20"],
        "gpt-4o-realtime-preview": ["2024-10-01", "2024-12-17"],
    ]
    static let baseModels: Set<String> = ["babbage-002", "davinci-002"]
    static let fineTunedModels: Set<String> = ["babbage-002", "davinci-002", "gpt-35-turbo", "gpt-35-turbo-16k"]
    static let imageModels: Set<String> = ["dall-e-2", "dall-e-3"]
    static let embeddingModels: Set<String> = ["text-embedding-ada-002", "text-embedding-3-small", "text-embedding-3-large"]
    static let speechModels: Set<String> = ["whisper", "tts", "tts-hd"]

    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_cognitive_deployment"], attributes: ["model", "sku", "scale", "cognitive_account_id"],
                        usage: AzureAOpenAIKeys.all, related: ["azurerm_cognitive_account": ["location", "resource_group_name", "sku_name"]]) { c in
            deployment(&c)
        },
    ]

    static func deployment(_ c: inout Components) {
        let a = c.resource.attributes
        let account = c.context.referenced("azurerm_cognitive_account", from: c.resource, attribute: "cognitive_account_id")
        if c.resource.region == nil, let account {
            c = Components(c.resource, c.context, region: account.region ?? Components.resourceGroupRegion(account, c.context))
        }
        let modelValue = a["model"].block["name"]
        guard let model = modelValue.nonEmptyString, !Quantities.isUnknown(modelValue) else {
            c.line("Model usage", unit: "1K tokens", quantity: .unknownUntilApply(attribute: "model.name"))
            return
        }
        let skuBlock = a["sku"].block.isNull ? a["scale"].block : a["sku"].block
        let sku = (skuBlock["name"].nonEmptyString ?? skuBlock["type"].nonEmptyString ?? "GlobalStandard")
        let perK = Decimal(1) / 1000
        var priced = false
        let version = a["model"].block["version"].nonEmptyString
        let ownMeter = version.map { versionsWithOwnMeters[model]?.contains($0.lowercased()) == true } ?? false
        func tokenLine(_ c: inout Components, _ name: String, _ key: UsageKey, sku: String) {
            AzureACognitivePricers.tokenLine(&c, name, key, sku: sku, version: ownMeter ? version : nil)
        }

        if languageModels.contains(model) {
            priced = true
            if sku.lowercased().contains("provisioned") {
                // provisioned throughput units (PTUs): `capacity` units all month, at the SKU's hourly PTU price
                let units = skuBlock["capacity"].decimal ?? 1
                AzureA.line(&c, "Provisioned throughput units (\(model))", unit: "hour",
                            quantity: .value(units * Quantities.monthlyHours(c.context)), qualifier: "sku=\(sku.lowercased())")
            } else {
                tokenLine(&c, "Text input (\(model))", T.inputTokens, sku: sku)
                tokenLine(&c, "Text output (\(model))", T.outputTokens, sku: sku)
                tokenLine(&c, "Cached text input (\(model))", T.cachedInputTokens, sku: sku)
            }
            c.usage("File search tool calls", unit: "1k calls", T.fileSearchCalls, times: perK)
            c.usage("File search vector storage", unit: "GB", T.fileSearchStorageGB)
            c.usage("Code interpreter sessions", unit: "sessions", T.codeInterpreterSessions)
        }
        if audioModels.contains(model) {
            tokenLine(&c, "Audio input tokens (\(model))", T.audioInputTokens, sku: sku)
            tokenLine(&c, "Audio output tokens (\(model))", T.audioOutputTokens, sku: sku)
        }
        if baseModels.contains(model) {
            priced = true
            c.usage("Base model tokens (\(model))", unit: "1K tokens", T.baseModelTokens, times: perK)
        }
        if fineTunedModels.contains(model) {
            priced = true
            c.usage("Fine tuning training (\(model))", unit: "hour", T.fineTuningTrainingHours)
            c.usage("Fine tuning hosting (\(model))", unit: "hour", T.fineTuningHostingHours)
            c.usage("Fine tuning input (\(model))", unit: "1K tokens", T.fineTuningInputTokens, times: perK)
            c.usage("Fine tuning output (\(model))", unit: "1K tokens", T.fineTuningOutputTokens, times: perK)
        }
        if imageModels.contains(model) {
            priced = true
            let per100 = Decimal(1) / 100
            c.usage("Standard 1024x1024 images (\(model))", unit: "100 images", T.standardSquareImages, times: per100)
            if model != "dall-e-2" {
                c.usage("Standard 1024x1792 images (\(model))", unit: "100 images", T.standardTallImages, times: per100)
                c.usage("HD 1024x1024 images (\(model))", unit: "100 images", T.hdSquareImages, times: per100)
                c.usage("HD 1024x1792 images (\(model))", unit: "100 images", T.hdTallImages, times: per100)
            }
        }
        if embeddingModels.contains(model) {
            priced = true
            c.usage("Text embeddings (\(model))", unit: "1K tokens", T.embeddingTokens, times: perK)
        }
        if speechModels.contains(model) {
            priced = true
            if model == "whisper" {
                c.usage("Text to speech (\(model))", unit: "hour", T.speechHours)
            } else {
                c.usage("Text to speech (\(model))", unit: "1M characters", T.speechCharacters, times: Decimal(1) / 1_000_000)
            }
        }
        if !priced {
            // a model costgate does not know: its use costs something, at a price the book does not have
            c.assume("model \(model) has no known meters")
            tokenLine(&c, "Text input (\(model))", T.inputTokens, sku: sku)
        }
    }

    /// Tokens per 1K at the deployment SKU's meter: the facts price the regional Standard SKU, so another SKU
    /// (GlobalStandard, DataZoneStandard, batch) names itself in the key and finds only its own price; so does a
    /// model version with its own meters.
    static func tokenLine(_ c: inout Components, _ name: String, _ key: UsageKey, sku: String, version: String?) {
        let quantity = Quantities.usage(key, c.context, times: Decimal(1) / 1000)
        var qualifiers: [String] = []
        if sku.lowercased() != "standard" { qualifiers.append("sku=\(sku.lowercased())") }
        if let version { qualifiers.append("version=\(version.lowercased())") }
        if qualifiers.isEmpty {
            c.line(name, unit: "1K tokens", quantity: quantity, usageBased: true)
        } else {
            AzureA.line(&c, name, unit: "1K tokens", quantity: quantity, qualifier: qualifiers.joined(separator: "/"), usageBased: true)
        }
    }
}
