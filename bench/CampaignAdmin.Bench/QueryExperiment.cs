using System.Diagnostics;
using System.Text.Json;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Wire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Bench;

/// <summary>
/// The read endpoints' pieces, timed in-process on the benchmark's own database (same LINQ as the handlers, through
/// EF): where a messages page and the campaign list spend their time. Diagnostics only (stderr, with <c>--phases</c>).
/// </summary>
internal static class QueryExperiment
{
    private const int Samples = 30;

    public static async Task RunAsync(ApiHost host, int campaignId, int total, int companyId = 1)
    {
        Report.Note($"--phases: read paths in-process on the benchmark database (median of {Samples})");
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDb>();

        var messages = db.Messages.AsNoTracking().Where(m => m.CampaignId == campaignId);
        await TimeAsync("getCampMsgs: campaign exists", () => db.Campaigns.AnyAsync(c => c.Id == campaignId && c.CompanyId == companyId));
        await TimeAsync($"getCampMsgs: COUNT of {total:N0} messages (X-Total-Count)", () => messages.CountAsync());
        await TimeAsync("getCampMsgs: COUNT with status=PENDING (dispatch poll)", () => messages.Where(m => m.Status == 1).CountAsync());
        foreach (var offset in new[] { 0, total / 2, total - 100 })
        {
            await TimeAsync($"getCampMsgs: 100 rows at offset {offset:N0}", () => messages.OrderBy(m => m.Id).Skip(offset).Take(100).ToListAsync());
            await TimeAsync($"getCampMsgs: 100 ids at offset {offset:N0} (index only)", () => messages.OrderBy(m => m.Id).Skip(offset).Take(100).Select(m => m.Id).ToListAsync());
        }
        var page = await messages.OrderBy(m => m.Id).Skip(total / 2).Take(100).ToListAsync();
        await TimeAsync("getCampMsgs: map 100 rows to the wire + serialize", () =>
            Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(page.Select(m => m.ToWire()).ToList(), CampaignJson.Options)));
        Report.Note($"  page SQL: {messages.OrderBy(m => m.Id).Skip(total / 2).Take(100).ToQueryString().ReplaceLineEndings(" ")}");

        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.CompanyId == companyId);
        await TimeAsync("getAll: COUNT (X-Total-Count)", () => campaigns.CountAsync());
        await TimeAsync("getAll: 1000 rows", () => campaigns.OrderByDescending(c => c.Id).Take(1000).ToListAsync());
        var list = await campaigns.OrderByDescending(c => c.Id).Take(1000).ToListAsync();
        await TimeAsync("getAll: map 1000 rows to the wire (ReportHeaders JSON each)", () => Task.FromResult(list.Select(c => c.ToResponse()).ToList()));
        var wire = list.Select(c => c.ToResponse()).ToList();
        byte[] bytes = [];
        await TimeAsync("getAll: serialize 1000 campaigns", () => Task.FromResult(bytes = JsonSerializer.SerializeToUtf8Bytes(wire, CampaignJson.Options)));
        Report.Note($"  getAll body: {bytes.Length / 1024.0:F0} KiB for 1000 campaigns");
        await TimeAsync("client: deserialize 1000 campaigns (WireList)", () =>
            Task.FromResult(JsonSerializer.Deserialize<WireList<Contracts.Campaigns.CampaignResponse>>(bytes, CampaignJson.Options)));

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        foreach (var (what, sql) in new[]
                 {
                     ("page", $"SELECT * FROM Messages WHERE CampaignId = {campaignId} ORDER BY Id LIMIT 100 OFFSET {total / 2}"),
                     ("count", $"SELECT COUNT(*) FROM Messages WHERE CampaignId = {campaignId}"),
                     ("list", $"SELECT * FROM Campaigns WHERE CompanyId = {companyId} ORDER BY Id DESC LIMIT 1000"),
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync();
            var plan = new List<string>();
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            Report.Note($"  plan ({what}): {string.Join(" | ", plan)}");
        }
    }

    private static async Task TimeAsync<T>(string what, Func<Task<T>> action)
    {
        await action();
        var samples = new List<double>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples.Add(Report.Ms(start));
        }
        Report.Note($"  {what}: median {Report.Median(samples):F2} ms, p95 {Report.Percentile(samples, 0.95):F2} ms");
    }
}
