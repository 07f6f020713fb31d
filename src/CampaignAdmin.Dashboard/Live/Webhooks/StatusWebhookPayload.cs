using System.Text.Json;

namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>
/// Reads the vendor's webhook body: one <c>{"Type":"messageStatus","MessageKey":…,"Status":…,"Error":…}</c> object or an array of
/// them, names in any case. Anything else (another <c>Type</c>, no key, a key that is not a short printable string) is ignored and
/// counted, never an error: the vendor may send events we do not use.
/// </summary>
public static class StatusWebhookPayload
{
    public const string MessageStatusType = "messageStatus";
    public const int MaxItems = 1_000;
    public const int MaxKeyLength = 128;
    private const int MaxStatusLength = 32;

    public static (IReadOnlyList<StatusChange> Changes, int Ignored) Read(JsonElement root)
    {
        var changes = new List<StatusChange>();
        var ignored = 0;
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                if (changes.Count + ignored >= MaxItems) { ignored++; continue; }
                if (One(item) is { } change) changes.Add(change); else ignored++;
            }
        }
        else if (One(root) is { } change) changes.Add(change);
        else ignored++;
        return (changes, ignored);
    }

    private static StatusChange? One(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        string? type = null, key = null, status = null;
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals("Type", StringComparison.OrdinalIgnoreCase)) type = Text(property.Value);
            else if (property.Name.Equals("MessageKey", StringComparison.OrdinalIgnoreCase)) key = Text(property.Value);
            else if (property.Name.Equals("Status", StringComparison.OrdinalIgnoreCase)) status = Text(property.Value);
        }
        if (!string.Equals(type, MessageStatusType, StringComparison.OrdinalIgnoreCase)) return null;
        if (key is not { Length: > 0 and <= MaxKeyLength } || !key.All(c => c > ' ' && c < 0x7f)) return null;
        if (status is { Length: > MaxStatusLength }) status = null;
        return new StatusChange(null, key, status, LiveSources.Webhook);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()?.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
