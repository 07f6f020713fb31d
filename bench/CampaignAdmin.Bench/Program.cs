using CampaignAdmin.Bench;

// Modes print one figure per line as "name: value unit" on stdout; progress and diagnostics go to stderr as "# ...".
// Add a mode by adding a case here (e.g. "import" later).
var mode = args.Length > 0 ? args[0] : "";
var options = BenchOptions.Parse(args.Skip(1));

switch (mode)
{
    case "api":
        return await ApiBenchmark.RunAsync(options);
    case "dashboard":
        return await CampaignAdmin.Bench.Dashboard.DashboardBenchmark.RunAsync(options);
    case "pace":
        await CampaignAdmin.Bench.PaceBenchmark.RunAsync(options);
        return 0;
    case "paging":
        await CampaignAdmin.Bench.PagingBenchmark.RunAsync(options);
        return 0;
    case "import":
        return ImportBenchmark.Run(options);
    case "micro":
        return MicroBenchmarks.Run(args.Skip(1).Where(a => !BenchOptions.IsOwn(a)).ToArray());
    default:
        Console.Error.WriteLine(
            """
            usage: dotnet run -c Release --project bench/CampaignAdmin.Bench -- <mode> [options]

            modes:
              api     the Campaign API over real HTTP (in-process Kestrel, temp SQLite, sandbox provider, unpaced):
                      create_100k_ms (warm median), create_100k_floor_ms, create_100k_vs_floor, dispatch_per_s, messages_page_ms,
                      messages_page_p95_ms, list_1000_ms, list_1000_p95_ms; then against the API as a child process on a fresh database:
                      api_ready_ms, create_100k_first_ms, create_450k_ms, create_450k_others_max_wait_ms, create_450k_others_p99_wait_ms,
                      create_1m_ms, create_1m_peak_rss_mb; webhook_intake_per_s, webhook_post_p95_ms (signed WhatsApp status deliveries
                      over HTTP, applied from the durable inbox; goal >= 5,000/s on SQLite)
              pace    a part of api alone: pacing at 1,000/s over sliding windows, SendAt to first message
              paging  a part of api alone: 100-message pages at the start, middle and end of a 1,000,000-message campaign
              import  recipients import (CSV read, mapping, E.164 and duplicate checks) of 100,000 rows: import_100k_ms;
                      the builder grid's per-keystroke validation at 10,000 rows: builder_keystroke_validate_10k_ms
              dashboard  the product (CampaignAdmin.Web, embedded API) as a child process, driven by headless Chromium:
                      the builder's paste, keystroke and row figures; memory per circuit; the draft save at 10,000 and 100,000 rows
                      (--only=drafts; --quick: 10,000 only)
              micro   BenchmarkDotNet micro benchmarks (payload rendering, create validator) on 100,000 clients

            options (api):
              --quick    smaller sizes (10,000 clients, 200 campaigns; 45,000 and 100,000 for the big creates) for a smoke run;
                         figure names stay the same
              --big-only only the child-process figures (api_ready_ms, create_100k_first_ms, create_450k_*, create_1m_*)
              --phases   also time the create path's server-side phases in-process (diagnostics on stderr)
              --db postgres  the API's store on PostgreSQL (a temp server this run starts, as the API tests do): the same
                         figures, then dispatch_1x_per_s, dispatch_2x_per_s, dispatch_3x_per_s and dispatch_3x_vs_1x: one
                         campaign sent by 1, 2 and 3 API processes on one database (unpaced sandbox)
              --dispatch-size=N  that campaign's size (default 100,000); --only=multi runs just those figures
              --only=webhooks  just the webhook intake figures (50,000 messages, delivered then read; 5,000 with --quick)
              --only=whatsapp  just the WhatsApp Cloud figures: dispatch through the fake Graph API at a 1,000/s tier,
                         whatsapp_1000_avg_per_s, whatsapp_1000_vs_tier (goal >= 0.98), whatsapp_1000_max_1s
            """);
        return 2;
}
