using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Api.Templates;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using FluentValidation;

namespace CampaignAdmin.Bench;

/// <summary>BenchmarkDotNet on the CPU-bound pieces a 100k campaign runs through (mode <c>micro</c>).</summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        if (typeof(MicroBenchmarks).Assembly.GetCustomAttribute<DebuggableAttribute>() is { IsJITOptimizerDisabled: true })
        {
            Console.Error.WriteLine("micro benchmarks need a Release build: dotnet run -c Release --project bench/CampaignAdmin.Bench -- micro");
            return 2;
        }
        // In-process: no separate project build per run (slow on a busy 2-core box); a short job is plenty for 100k-row loops.
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromTypes([typeof(PayloadBenchmarks), typeof(CreateValidationBenchmarks)])
            .Run(args.Length > 0 ? args : ["--filter", "*"], config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}

/// <summary>The dispatcher's per-message CPU work for a 100k campaign: read the stored Params, render the payload.</summary>
[MemoryDiagnoser]
public class PayloadBenchmarks
{
    private const int Clients = 100_000;
    private MessagePayload _payload = null!;
    private List<string> _phones = null!;
    private List<List<string>> _params = null!;
    private List<string> _storedParams = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (_, _, request) = DemoTemplates.All.First(t => t.Id == DemoTemplates.OrderConfirmationId);
        var compose = request.ToEntity(1, DemoTemplates.OrderConfirmationId, TemplateStatus.Approved, DateTimeOffset.UtcNow).Compose;
        _payload = MessagePayload.Parse(compose);
        _phones = Workload.Phones("50", 1_000_000, Clients);
        _params = Enumerable.Range(0, Clients).Select(i => new List<string> { $"Customer {i}", $"ORD-{i:D6}" }).ToList();
        _storedParams = _params.Select(p => JsonSerializer.Serialize(p, CampaignJson.Options)).ToList();
    }

    [Benchmark(Description = "MessagePayload.Render x 100k")]
    public int Render()
    {
        var length = 0;
        for (var i = 0; i < Clients; i++) length += _payload.Render(_phones[i], "campaignadmin", _params[i]).Length;
        return length;
    }

    [Benchmark(Description = "Params JSON -> List<string> x 100k (MessageSender.Params)")]
    public int DeserializeParams()
    {
        var count = 0;
        for (var i = 0; i < Clients; i++) count += JsonSerializer.Deserialize<List<string>>(_storedParams[i], CampaignJson.Options)!.Count;
        return count;
    }
}

/// <summary>The create endpoint's CPU work on a 100k-client body: the §4 rules, and the phone normalisation inside them.</summary>
[MemoryDiagnoser]
public class CreateValidationBenchmarks
{
    private const int Clients = 100_000;
    private CreateCampaignRequest _request = null!;
    private CreateCampaignRequestValidator _validator = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (_, status, templateRequest) = DemoTemplates.All.First(t => t.Id == DemoTemplates.OrderConfirmationId);
        var template = templateRequest.ToEntity(1, DemoTemplates.OrderConfirmationId, status, DateTimeOffset.UtcNow).ToDto();
        _validator = new CreateCampaignRequestValidator(new TemplateCatalog([template]), CampaignRuleOptions.Api);
        _request = Workload.Campaign("micro", Workload.Phones("50", 1_000_000, Clients)).Normalize();
        _body = Workload.Serialize(_request);
    }

    [Benchmark(Description = "CreateCampaignRequestValidator x 100k clients")]
    public bool Validate()
    {
        var result = _validator.Validate(new ValidationContext<CreateCampaignRequest>(_request));
        if (!result.IsValid) throw new InvalidOperationException(result.Errors[0].ErrorMessage);
        return result.IsValid;
    }

    [Benchmark(Description = "AccountIds.Normalize x 100k")]
    public int NormalizePhones()
    {
        var length = 0;
        foreach (var client in _request.Clients) length += AccountIds.Normalize(client.AccountId)!.Length;
        return length;
    }

    [Benchmark(Description = "MessageKeys.NewBatch x 100 chunks of 1,000")]
    public int MessageKeysFor100k()
    {
        var length = 0;
        for (var chunk = 0; chunk < _request.Clients.Count / 1_000; chunk++) length += CampaignAdmin.Api.Campaigns.MessageKeys.NewBatch(1_000, DateTimeOffset.UnixEpoch.AddMilliseconds(chunk)).Length;
        return length;
    }

    [Benchmark(Description = "Deserialize 100k-client create body")]
    public int DeserializeBody() => JsonSerializer.Deserialize<CreateCampaignRequest>(_body, CampaignJson.Options)!.Clients.Count;
}
