using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>
/// What one delivery says, read from Meta's shape <c>{"entry":[{"changes":[{"field","value":{…}}]}]}</c>: message
/// statuses (<c>value.statuses[]</c>) and template status events (<c>message_template_status_update</c>). Every field is
/// untrusted: a part that is missing, null, of the wrong type or too long is skipped and counted, never thrown on.
/// </summary>
public sealed class WebhookPayload
{
    /// <summary>Longer than any wamid, key or template name Meta sends: a longer value is not one.</summary>
    private const int MaxIdLength = 512;

    /// <summary>Meta's texts are short; one kept on a message is cut here.</summary>
    private const int MaxErrorLength = 1000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public List<StatusUpdate> Statuses { get; } = [];

    public List<TemplateEvent> Templates { get; } = [];

    /// <summary>Statuses and events that could not be read (or that say nothing we track), and unreadable bodies.</summary>
    public int Skipped { get; private set; }

    public static WebhookPayload Read(ReadOnlyMemory<byte> body)
    {
        var payload = new WebhookPayload();
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            payload.ReadRoot(document.RootElement);
        }
        catch (JsonException)
        {
            payload.Skipped++;
        }
        return payload;
    }

    /// <summary>A delivery of just these statuses, in Meta's shape, for the ones that must wait for their message.</summary>
    public static byte[] Remainder(IEnumerable<StatusUpdate> statuses)
    {
        var json = new StringBuilder("""{"entry":[{"changes":[{"field":"messages","value":{"statuses":[""");
        json.AppendJoin(',', statuses.Select(s => s.Json));
        json.Append("]}}]}]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private void ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !TryArray(root, "entry", out var entries)) { Skipped++; return; }
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !TryArray(entry, "changes", out var changes)) { Skipped++; continue; }
            foreach (var change in changes.EnumerateArray())
            {
                if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    Skipped++;
                    continue;
                }
                if (TryArray(value, "statuses", out var statuses))
                    foreach (var status in statuses.EnumerateArray()) ReadStatus(status);
                if (Text(change, "field") == "message_template_status_update" || value.TryGetProperty("message_template_name", out _))
                    ReadTemplateEvent(value);
            }
        }
    }

    private void ReadStatus(JsonElement status)
    {
        var ours = status.ValueKind == JsonValueKind.Object ? Text(status, "status") switch
        {
            "sent" => MessageStatus.Submitted,
            "delivered" => MessageStatus.Delivered,
            "read" => MessageStatus.Read,
            "failed" => MessageStatus.Failed,
            _ => MessageStatus.Unknown,
        } : MessageStatus.Unknown;
        var wamid = ours == MessageStatus.Unknown ? null : Text(status, "id");
        if (wamid is not { Length: > 0 and <= MaxIdLength }) { Skipped++; return; }

        var key = Text(status, "biz_opaque_callback_data") is { Length: <= MaxIdLength } k ? k : "";
        var (code, error) = ours == MessageStatus.Failed ? Error(status) : (0, "");
        Statuses.Add(new StatusUpdate(new Receipt(wamid, ours, Time(status), code, error, key), status.GetRawText()));
    }

    private void ReadTemplateEvent(JsonElement value)
    {
        var name = Text(value, "message_template_name");
        var language = Text(value, "message_template_language");
        var status = Text(value, "event");
        if (name is not { Length: > 0 and <= MaxIdLength } || language is not { Length: > 0 and <= 32 } || status is not { Length: > 0 and <= 64 })
        {
            Skipped++;
            return;
        }
        Templates.Add(new TemplateEvent(status.ToUpperInvariant(), name, language, Cut(Text(value, "reason") ?? "", MaxErrorLength)));
    }

    /// <summary>The first of <c>errors[]</c>: its code, and Meta's message (or title) with <c>error_data.details</c> when that adds anything.</summary>
    private static (int Code, string Text) Error(JsonElement status)
    {
        if (!TryArray(status, "errors", out var errors) || errors.GetArrayLength() == 0 || errors[0] is not { ValueKind: JsonValueKind.Object } first)
            return (0, "failed (WhatsApp gave no reason)");
        var code = Number(first, "code") is { } n and >= int.MinValue and <= int.MaxValue ? (int)n : 0;
        var text = NonEmpty(Text(first, "message")) ?? NonEmpty(Text(first, "title")) ?? "failed (WhatsApp gave no reason)";
        if (first.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object
            && NonEmpty(Text(data, "details")) is { } details && !text.Contains(details.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            text = $"{text}: {details}";
        return (code, Cut(text, MaxErrorLength));
    }

    /// <summary>Meta's <c>timestamp</c> is Unix seconds as a string; one missing or out of reason is the time it is read.</summary>
    private static DateTimeOffset Time(JsonElement status) =>
        Number(status, "timestamp") is { } seconds and > 946_684_800 and < 4_102_444_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;

    private static bool TryArray(JsonElement element, string name, out JsonElement array) =>
        element.TryGetProperty(name, out array) && array.ValueKind == JsonValueKind.Array;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number, or a string of digits (Meta sends both).</summary>
    private static long? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: <= 19 } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <param name="Json">The status as Meta sent it, kept for a later try when its message is not known yet.</param>
public sealed record StatusUpdate(Receipt Receipt, string Json);

/// <param name="Event">Meta's <c>event</c> in upper case: <c>APPROVED</c>, <c>REJECTED</c>, <c>PAUSED</c>, …</param>
/// <param name="Language">As Meta writes it (<c>en_US</c>, sometimes <c>en-US</c>).</param>
public sealed record TemplateEvent(string Event, string Name, string Language, string Reason);
