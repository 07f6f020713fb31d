using System.Diagnostics;
using System.Text;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Import.Reading;
using CampaignAdmin.Import.Recipients;

namespace CampaignAdmin.Bench;

/// <summary>
/// The import path server-side: a 100,000-row CSV read (CsvHelper), mapped, and every number checked (libphonenumber,
/// duplicates); and the builder grid's per-keystroke work at 10,000 rows (the live validator over all clients).
/// </summary>
internal static class ImportBenchmark
{
    private static readonly List<TemplateVariable> Variables =
    [
        new() { Slot = 1, Kind = VariableKind.Body, Label = "Body {{1}}" },
        new() { Slot = 2, Kind = VariableKind.Body, Label = "Body {{2}}" },
    ];

    public static int Run(BenchOptions options)
    {
        var rows = options.Quick ? 10_000 : 100_000;
        var csv = Csv(rows);
        Report.Note($"CSV of {rows:N0} rows: {csv.Length / 1024.0 / 1024.0:F1} MiB");

        Import(csv); // warm-up: JIT and libphonenumber's metadata
        var samples = new List<double>();
        for (var i = 0; i < 5; i++) samples.Add(Import(csv));
        Report.Note($"import of {rows:N0} rows: {Report.Summary(samples)}");
        Report.Figure(options.Quick ? "import_10k_ms" : "import_100k_ms", Report.Median(samples), "ms");

        var keystrokes = GridKeystrokes(10_000);
        Report.Note($"builder grid, live validation of 10,000 clients per keystroke: {Report.Summary(keystrokes)}");
        Report.Figure("builder_keystroke_validate_10k_ms", Report.Median(keystrokes), "ms");
        return 0;
    }

    private static double Import(byte[] csv)
    {
        var start = Stopwatch.GetTimestamp();
        using var stream = new MemoryStream(csv);
        var table = SheetReader.Read(stream, "recipients.csv");
        var session = new ImportSession(table, ColumnMatcher.AutoMap(table.Headers, Variables));
        var accepted = session.Accepted.Count();
        var elapsed = Report.Ms(start);
        if (accepted != table.Rows.Count) throw new InvalidOperationException($"only {accepted} of {table.Rows.Count} rows accepted");
        return elapsed;
    }

    /// <summary>What one edit in the grid costs on the server: the shared validator over every client, in live mode.</summary>
    private static List<double> GridKeystrokes(int clients)
    {
        var template = new TemplateDto { Id = "t", Status = TemplateStatus.Approved, Variables = Variables, Compose = "{\"a\":\"{{1}} {{2}}\"}" };
        var request = new CreateCampaignRequest
        {
            Name = "Grid",
            TempMsgId = "t",
            Clients = Enumerable.Range(0, clients).Select(i => new CampaignClient { AccountId = Number(i), Params = [$"Name {i}", $"ORD-{i}"] }).ToList(),
        };
        var validator = new CreateCampaignRequestValidator(new TemplateCatalog([template]), CampaignRuleOptions.Live);
        validator.Validate(request);
        var samples = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            request.Clients[i * 37].Params[0] += "x"; // the edited cell
            var start = Stopwatch.GetTimestamp();
            var result = validator.Validate(request);
            samples.Add(Report.Ms(start));
            if (!result.IsValid) throw new InvalidOperationException(result.Errors[0].ErrorMessage);
        }
        return samples;
    }

    private static byte[] Csv(int rows)
    {
        var builder = new StringBuilder(rows * 40);
        builder.Append("Account ID,Body {{1}},Body {{2}}\r\n");
        for (var i = 0; i < rows; i++) builder.Append(Number(i)).Append(",Customer ").Append(i).Append(",ORD-").Append(i).Append("\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string Number(int i) => $"+9665{30000000 + i * 7:D8}";
}
