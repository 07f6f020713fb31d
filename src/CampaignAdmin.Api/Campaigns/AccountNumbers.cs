using System.Globalization;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Rule 9 (docs/WIRE.md) a chunk at a time, in client order: the first invalid or duplicate number is the answer, with
/// the validator's texts. Duplicates are told apart by the E.164 digits as a number, so a million clients cost a set of
/// longs rather than a million strings.
/// </summary>
internal sealed class AccountNumbers(List<CampaignClient> clients, string defaultRegion)
{
    private readonly HashSet<long> _seen = new(clients.Count);

    /// <summary>A chunk's E.164 numbers (null where invalid) and its rows' params JSON: the CPU work beside the insert.</summary>
    public Rows Prepare(int start, int count)
    {
        var rows = new Rows(new string?[count], new string[count]);
        for (var i = 0; i < count; i++)
        {
            var client = clients[start + i];
            rows.AccountIds[i] = AccountIds.Normalize(client.AccountId, defaultRegion);
            rows.Params[i] = JsonSerializer.Serialize(client.Params, CampaignJson.Options);
        }
        return rows;
    }

    /// <summary>The chunk's first rule-9 error, or null; call it for the chunks in order.</summary>
    public string? FirstError(int start, Rows rows)
    {
        for (var i = 0; i < rows.AccountIds.Length; i++)
        {
            var raw = clients[start + i].AccountId;
            if (rows.AccountIds[i] is not { } e164) return ErrorTexts.InvalidAccountId(raw);
            if (!_seen.Add(long.Parse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture))) return ErrorTexts.DuplicateAccountId(raw);
        }
        return null;
    }

    public sealed record Rows(string?[] AccountIds, string[] Params);
}
