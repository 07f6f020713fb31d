using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>Campaigns as the WhatsApp tests create them, and waits for what the dispatcher makes of them.</summary>
internal static class CloudCampaigns
{
    /// <summary>The on-premises shape with a header image, two body parameters and a dynamic URL button.</summary>
    public const string Json = """
        {"to":"<accountID>","type":"template","template":{"namespace":"<namespace>","language":{"policy":"deterministic","code":"en_US"},"name":"spring_sale","components":[{"type":"header","parameters":[{"type":"image","image":{"link":"{{1}}"}}]},{"type":"body","parameters":[{"type":"text","text":"{{2}}"},{"type":"text","text":"{{3}}"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"{{4}}"}]}]}}
        """;

    public static CreateCampaignRequest Request(params string[] numbers) => new()
    {
        Name = "Spring sale",
        Json = Json,
        Clients = numbers.Select((n, i) => new CampaignClient
        {
            AccountId = n,
            Params = ["https://example.com/spring.png", $"Customer \"{i}\"", $"ORD-{i}", $"track/{i}"],
        }).ToList(),
    };

    public static async Task<int> CreateAsync(ApiFactory factory, params string[] numbers) =>
        (await factory.Campaigns().CreateCampaignAsync(Request(numbers))).Id;

    /// <summary>Waits until every message of the campaign is in one of <paramref name="statuses"/>, and returns them.</summary>
    public static Task<List<CampaignMessage>> SettledAsync(ApiFactory factory, int campaignId, params string[] statuses) =>
        Eventually.UntilAsync(() => factory.Campaigns().MessagesAsync(campaignId),
            messages => messages.Count > 0 && messages.All(m => statuses.Contains(m.Status)),
            TimeSpan.FromSeconds(30), $"every message {string.Join("/", statuses)}");

    public static CampaignMessage To(this List<CampaignMessage> messages, string number) => messages.Single(m => m.AccountId == number);

    /// <summary>No captured log line holds the token or either secret.</summary>
    public static void AssertNoSecretLogged(WhatsAppCloudFactory factory)
    {
        var lines = factory.Logs.Entries.ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { WhatsAppCloudFactory.AccessToken, WhatsAppCloudFactory.AppSecret, WhatsAppCloudFactory.VerifyToken })
            Assert.DoesNotContain(lines, line => line.ToString().Contains(secret, StringComparison.Ordinal));
    }
}
