using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>
/// "Did you accept message X?", answered from the sandbox's own record of accepted sends. The answer is certain: a
/// send is recorded in the same call that accepts it, before the call answers, in one transaction, so a call that
/// died (with its process) either left its record or accepted nothing.
/// </summary>
public sealed partial class SandboxProvider : IProviderLookup
{
    private const int LookupChunk = 500;

    public async Task<IReadOnlyList<LookupResult>> FindAsync(IReadOnlyList<string> messageKeys, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, (string ProviderMessageId, DateTimeOffset SentAt, long Id)>(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in messageKeys.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var sends = await db.Sends.AsNoTracking().Where(s => chunk.Contains(s.MessageKey))
                .Select(s => new { s.MessageKey, s.ProviderMessageId, s.SentAt, s.Id }).ToListAsync(cancellationToken);
            foreach (var send in sends)
            {
                if (!latest.TryGetValue(send.MessageKey, out var known) || send.Id > known.Id)
                    latest[send.MessageKey] = (send.ProviderMessageId, send.SentAt, send.Id);
            }
        }
        return messageKeys
            .Select(key => latest.TryGetValue(key, out var send) ? LookupResult.Accepted(send.ProviderMessageId, send.SentAt) : LookupResult.NeverAccepted)
            .ToList();
    }
}
