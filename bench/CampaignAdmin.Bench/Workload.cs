using System.Globalization;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Bench;

/// <summary>Campaign requests with valid, distinct Saudi mobile numbers the sandbox accepts first time.</summary>
internal static class Workload
{
    /// <summary>The demo seed's <c>order_confirmation</c> (en_US, UTILITY, two body variables).</summary>
    public const string TemplateId = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";

    /// <summary>
    /// The <paramref name="count"/> numbers <c>+966{prefix}NNNNNNN</c> from <paramref name="start"/> on, skipping those ending
    /// 0000 (undeliverable in the sandbox) and 0001 (first attempt fails).
    /// </summary>
    public static List<string> Phones(string prefix, int start, int count)
    {
        var phones = new List<string>(count);
        for (var n = start; phones.Count < count; n++)
        {
            if (n % 10_000 is 0 or 1) continue;
            phones.Add("+966" + prefix + n.ToString("D7", CultureInfo.InvariantCulture));
        }
        return phones;
    }

    public static CreateCampaignRequest Campaign(string name, IReadOnlyList<string> phones) => new()
    {
        Name = name,
        TempMsgId = TemplateId,
        Clients = phones.Select((phone, i) => new CampaignClient
        {
            AccountId = phone,
            Params = [$"Customer {i}", $"ORD-{i:D6}"],
        }).ToList(),
    };

    public static byte[] Serialize(CreateCampaignRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, CampaignJson.Options);

    /// <summary>The sandbox marks a delivered message READ when the number's last digit is even.</summary>
    public static int ExpectedReads(IEnumerable<string> phones) => phones.Count(p => (p[^1] - '0') % 2 == 0);
}
