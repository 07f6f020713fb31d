using System.Globalization;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Rule 9 (docs/WIRE.md) a chunk at a time, in client order: the first invalid or duplicate number is the answer, with
/// the validator's texts. Duplicates are told apart by the E.164 digits as a number, so a million clients cost a set of
/// longs rather than a million strings. Each chunk's message keys are made here too, off the writer's critical path (the
/// preparer runs on another core while the writer holds the write lock).
/// </summary>
internal sealed class AccountNumbers(CreateBody.ClientSource clients, string defaultRegion, TimeProvider? clock = null)
{
    /// <summary>
    /// Room for this many numbers is taken up front; a bigger campaign grows the set as it goes. A 128 MiB body of empty
    /// clients counts 44 million, and sizing the set for them would take ~900 MB before the first number fails rule 9.
    /// </summary>
    public const int PresizedNumbers = 1_000_000;

    private readonly HashSet<long> _seen = new(Math.Min(clients.Count, PresizedNumbers));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private DateTimeOffset _keysTime = DateTimeOffset.MinValue;

    /// <summary>A chunk read from the source: E.164 numbers (null where invalid), the params JSON, and each AccountID as sent.</summary>
    public Rows Prepare(int start, int count)
    {
        var (sent, parameters) = clients.Read(start, count);
        var accountIds = new string?[count];
        for (var i = 0; i < count; i++) accountIds[i] = AccountIds.Normalize(sent[i], defaultRegion);
        // Each chunk's keys are a millisecond later than the last chunk's at least, so they stay ascending (MessageKeys).
        _keysTime = _clock.GetUtcNow() is var now && now > _keysTime ? now : _keysTime.AddMilliseconds(1);
        return new Rows(accountIds, parameters, sent, MessageKeys.NewBatch(count, _keysTime));
    }

    /// <summary>The chunk's first rule-9 error, or null; call it for the chunks in order.</summary>
    public string? FirstError(Rows rows)
    {
        for (var i = 0; i < rows.AccountIds.Length; i++)
        {
            if (rows.AccountIds[i] is not { } e164) return ErrorTexts.InvalidAccountId(rows.Sent[i]);
            if (!_seen.Add(long.Parse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture))) return ErrorTexts.DuplicateAccountId(rows.Sent[i]);
        }
        return null;
    }

    /// <param name="AccountIds">E.164, null where the number is invalid.</param>
    /// <param name="Params">Each row's params as stored: a JSON array of strings.</param>
    /// <param name="Sent">Each AccountID exactly as sent: rule 9's texts quote it.</param>
    /// <param name="Keys">A message key for each row, ascending.</param>
    public sealed record Rows(string?[] AccountIds, string[] Params, string[] Sent, string[] Keys);
}
