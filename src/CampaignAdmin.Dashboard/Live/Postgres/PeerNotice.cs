using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignAdmin.Dashboard.Live.Postgres;

/// <summary>
/// The NOTIFY payload between dashboard instances: who sent it (so an instance ignores its own echo) and a batch of changes.
/// PostgreSQL refuses a payload of 8000 bytes or more, so changes are packed into payloads under <see cref="MaxBytes"/>; a
/// change too big alone travels without its key and status (pages re-read the API anyway: a change is a hint).
/// </summary>
internal sealed record PeerNotice(
    [property: JsonPropertyName("i")] Guid Instance,
    [property: JsonPropertyName("c")] IReadOnlyList<PeerChange> Changes)
{
    public const int MaxBytes = 7900;

    public static IEnumerable<string> Pack(Guid instance, IReadOnlyList<StatusChange> changes)
    {
        var batch = new List<PeerChange>();
        var size = Size(new PeerNotice(instance, []));
        foreach (var change in changes)
        {
            var one = PeerChange.From(change);
            if (Size(new PeerNotice(instance, [one])) >= MaxBytes) one = one with { Key = null, Status = null };
            var added = Size(one) + 1;
            if (batch.Count > 0 && size + added >= MaxBytes)
            {
                yield return JsonSerializer.Serialize(new PeerNotice(instance, batch));
                batch = [];
                size = Size(new PeerNotice(instance, []));
            }
            batch.Add(one);
            size += added;
        }
        if (batch.Count > 0) yield return JsonSerializer.Serialize(new PeerNotice(instance, batch));
    }

    /// <summary>The changes of a payload from another instance; none for this instance's own echo or a payload it cannot read.</summary>
    public static IReadOnlyList<StatusChange> Read(string payload, Guid self)
    {
        PeerNotice? notice;
        try { notice = JsonSerializer.Deserialize<PeerNotice>(payload); }
        catch (JsonException) { return []; }
        if (notice is null || notice.Instance == self || notice.Changes is null) return [];
        return [.. notice.Changes.Select(change => change.ToChange())];
    }

    private static int Size<T>(T value) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(value));
}

internal sealed record PeerChange(
    [property: JsonPropertyName("m")] int? CampaignId,
    [property: JsonPropertyName("k")] string? Key,
    [property: JsonPropertyName("s")] string? Status,
    [property: JsonPropertyName("o")] string Source)
{
    public static PeerChange From(StatusChange change) => new(change.CampaignId, change.MessageKey, change.Status, change.Source);

    public StatusChange ToChange() => new(CampaignId, Key, Status, Source ?? LiveSources.Webhook) { FromPeer = true };
}
