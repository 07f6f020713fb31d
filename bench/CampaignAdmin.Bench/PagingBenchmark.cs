using CampaignAdmin.Client;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace CampaignAdmin.Bench;

/// <summary>
/// A page of 100 messages at the start, the middle and the end of one 1,000,000-message campaign (the dispatcher off,
/// so every message stays PENDING and the status filter matches them all): all of them, and PENDING only.
/// </summary>
internal static class PagingBenchmark
{
    private const int PageSize = 100;
    private const int Rounds = 30;

    public static async Task RunAsync(BenchOptions options)
    {
        var clients = options.Quick ? 100_000 : 1_000_000;
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:Enabled"] = "false",
            ["Api:MaxRequestBodyMB"] = "512",
        });
        var body = Workload.Serialize(Workload.Campaign("paging", Workload.Phones("50", 1_000_000, clients)));
        Report.Note($"paging: creating one campaign of {clients:N0} messages ({body.Length / 1024.0 / 1024.0:F0} MiB)");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/campaign/create") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var response = await host.Http.SendAsync(request))
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"create answered {(int)response.StatusCode}");
        var id = (await host.Api.GetCampaignPageAsync(0, 1)).Items[0].Id;

        (string Name, int Offset, string? Status)[] positions =
        [
            ("first", 0, null), ("middle", clients / 2, null), ("last", clients - PageSize, null),
            ("pending_first", 0, "PENDING"), ("pending_last", clients - PageSize, "PENDING"),
        ];
        foreach (var (_, offset, status) in positions)
            for (var i = 0; i < 5; i++) await host.Api.GetMessagePageAsync(id, offset, PageSize, status);
        var samples = positions.ToDictionary(p => p.Name, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, offset, status) in positions)
            {
                var start = Stopwatch.GetTimestamp();
                var page = await host.Api.GetMessagePageAsync(id, offset, PageSize, status);
                samples[name].Add(Report.Ms(start));
                if (page.Items.Count != PageSize) throw new InvalidOperationException($"page at {offset} ({status}) has {page.Items.Count} messages");
            }
        }
        foreach (var (name, offset, status) in positions)
        {
            Report.Note($"1M messages, page at {offset:N0}{(status is null ? "" : " of " + status)}: {Report.Summary(samples[name])}");
            Report.Figure($"messages_page_1m_{name}_ms", Report.Median(samples[name]), "ms", 2);
        }
    }
}
