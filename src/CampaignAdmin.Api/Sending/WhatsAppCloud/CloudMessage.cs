using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// A stored payload (the WhatsApp on-premises shape, DESIGN.md §4, filled in for one message) as the Cloud API takes it:
/// <c>messaging_product</c> and <c>recipient_type</c> added, <c>to</c> without its <c>+</c>, the template's name,
/// <c>language.code</c> and components kept, its <c>namespace</c> and <c>language.policy</c> (on-premises only) left out,
/// and our message key in <c>biz_opaque_callback_data</c>, which Meta echoes in every status webhook.
/// </summary>
public static class CloudMessage
{
    /// <summary>The Cloud API's limit for <c>biz_opaque_callback_data</c>; our keys are 30 characters.</summary>
    public const int MaxCallbackData = 512;

    /// <summary>The request body, or null and why the payload cannot be sent (certain before anything is sent).</summary>
    public static JsonObject? Translate(OutgoingMessage message, out string error)
    {
        try
        {
            return Build(message, JsonNode.Parse(message.Payload, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }), out error);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, or JSON with a name twice in one object (a campaign's "Advanced" JSON can be anything).
            error = CloudTexts.NotJson;
            return null;
        }
    }

    private static JsonObject? Build(OutgoingMessage message, JsonNode? root, out string error)
    {
        error = "";
        var template = Child(root, "template") as JsonObject;
        var name = Text(Child(template, "name"));
        if (name.Length == 0)
        {
            error = CloudTexts.NoTemplate;
            return null;
        }
        var language = Child(template, "language");
        // The on-premises shape has {"policy","code"}; a bare code string is taken too.
        var code = language is JsonObject ? Text(Child(language, "code")) : Text(language);
        var components = Child(template, "components") is JsonArray given ? (JsonArray)given.DeepClone() : [];

        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            // Our record of the number, not the payload's: it is the one the pair limit and the dashboard know.
            ["to"] = message.To.TrimStart('+'),
            ["type"] = "template",
            ["template"] = new JsonObject
            {
                ["name"] = name,
                ["language"] = new JsonObject { ["code"] = code },
                ["components"] = components,
            },
            ["biz_opaque_callback_data"] = message.MessageKey.Length <= MaxCallbackData ? message.MessageKey : message.MessageKey[..MaxCallbackData],
        };
    }

    /// <summary>A property of an object; null for anything that is not an object or lacks it.</summary>
    private static JsonNode? Child(JsonNode? node, string name) => node is JsonObject o && o.TryGetPropertyValue(name, out var value) ? value : null;

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
