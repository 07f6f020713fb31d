using CampaignAdmin.Api.Data;
using System.Diagnostics;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// A fresh process's first big create paid for JIT and libphonenumber's metadata and patterns: more than twice a warm
/// one. Once the host has started, and before <c>/health/ready</c> says ready (ApiHealth), this runs the create's CPU path a few times on 2,000
/// made-up clients, in memory: body parsing, rules 1–9, the rows' params JSON and keys, the answer. It never touches the
/// database but for one chunk's write, rolled back, so nothing it does is stored. <c>Api:WarmUp=false</c> switches it off. It steps aside once a real create of
/// its size begins (<see cref="CreateActivity"/>): that create warms the same path, and on two cores a warm-up beside it
/// only takes its CPU (a first create right after the start took 3.4 s of CPU with the warm-up running, 2.7 s without).
/// </summary>
internal sealed class CreateWarmUp(IOptions<CampaignRules> rules, IHostApplicationLifetime lifetime, CreateActivity activity,
    WarmUpState state, IServiceScopeFactory scopes, TimeProvider time, ILogger<CreateWarmUp> logger) : BackgroundService
{
    public const string Setting = "Api:WarmUp";
    public const int Clients = 2_000;
    private const int Rounds = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);

        var clock = Stopwatch.StartNew();
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(Request(), CampaignJson.Options);
            for (var round = 0; round < Rounds && !stoppingToken.IsCancellationRequested; round++)
            {
                if (activity.BigCreateBegun)
                {
                    logger.LogInformation("Create warm-up stopped after {Rounds} rounds: a real create is warming the path", round);
                    return;
                }
                var (request, rows) = await Task.Run(() => Create(body), stoppingToken);
                if (round == 0) await RehearseWriteAsync(request, rows, stoppingToken);
                // Methods called often enough are recompiled optimized in the background once calls pause a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
            logger.LogInformation("Create path warmed up in {Milliseconds:F0} ms", clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Create warm-up failed; the first big create will be slower");
        }
        finally
        {
            // Ready even if the warm-up failed: a cold create is slow, not wrong.
            state.Warmed();
        }
    }

    /// <summary>The first chunk's write, rolled back (<see cref="CampaignWriter.RehearseAsync"/>).</summary>
    private async Task RehearseWriteAsync(CreateCampaignRequest request, AccountNumbers.Rows rows, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var writer = new CampaignWriter(services.GetRequiredService<Data.CampaignDb>(), services.GetRequiredService<StoreSql>(),
            services.GetRequiredService<CampaignWriteGate>());
        var campaign = CampaignCreator.NewCampaign(0, request, rows.AccountIds.Length, null, time.GetUtcNow());
        await writer.RehearseAsync(campaign, rows, cancellationToken);
    }

    /// <summary>The create's CPU path; answers the request and its first chunk's rows for the rehearsed write.</summary>
    private (CreateCampaignRequest Request, AccountNumbers.Rows FirstChunk) Create(byte[] body)
    {
        var (request, clients) = CreateBody.Read(body) is { } read ? (read.Request, read.Clients) : throw new InvalidOperationException("the warm-up body is null");
        var region = rules.Value.DefaultRegion;
        var validator = new CreateCampaignRequestValidator(new TemplateCatalog([]), CampaignRuleOptions.Api with { DefaultRegion = region, CheckAccountIds = false });
        if (!validator.Validate(request).IsValid) throw new InvalidOperationException("the warm-up request broke a create rule");
        var numbers = new AccountNumbers(clients, region);
        AccountNumbers.Rows? first = null;
        for (var start = 0; start < Clients; start += CampaignWriter.ChunkSize)
        {
            var rows = numbers.Prepare(start, Math.Min(CampaignWriter.ChunkSize, Clients - start));
            if (numbers.FirstError(rows) is { } error) throw new InvalidOperationException(error);
            first ??= rows;
        }
        var answer = new CampaignResponse { Name = request.Name, Total = Clients, Clients = clients.ToList().Take(CampaignCreator.EchoedClientsMax).ToList() };
        _ = JsonSerializer.SerializeToUtf8Bytes(answer, CampaignJson.Options);
        return (request, first!);
    }

    private static CreateCampaignRequest Request() => new()
    {
        Name = "warm-up",
        Json = """{"to":"<accountID>","type":"template","template":{"name":"warm_up","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"{{1}}"},{"type":"text","text":"{{2}}"}]}]}}""",
        Clients = Enumerable.Range(0, Clients).Select(i => new CampaignClient
        {
            AccountId = $"+96650{1_000_000 + i:D7}",
            Params = [$"Customer {i}", $"ORD-{i:D6}"],
        }).ToList(),
    };
}

/// <summary>Whether a create of at least <see cref="CreateWarmUp.Clients"/> clients has begun in this process.</summary>
public sealed class CreateActivity
{
    private int _begun;

    public bool BigCreateBegun => Volatile.Read(ref _begun) == 1;

    public void Begin(int clients)
    {
        if (clients >= CreateWarmUp.Clients) Volatile.Write(ref _begun, 1);
    }
}

/// <summary>Whether the create path is warm: set by <see cref="CreateWarmUp"/> when it ends; warm from the start when it is off.</summary>
public sealed class WarmUpState(bool warm)
{
    private int _warm = warm ? 1 : 0;

    public bool IsWarm => Volatile.Read(ref _warm) == 1;

    public void Warmed() => Volatile.Write(ref _warm, 1);
}
