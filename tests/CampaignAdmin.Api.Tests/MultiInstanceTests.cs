using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Xunit.Abstractions;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// Three API processes (the built API, each its own process) on one PostgreSQL database share the send load
/// (issue 13, docs/SENDING.md "Several processes"): every message goes out once, a <c>kill -9</c> of one of them loses
/// and duplicates nothing, the pace holds for all three together, and a scheduled campaign starts once. Counted from the
/// database: the sandbox's own record of every send it accepted.
/// </summary>
public sealed partial class MultiInstanceTests(ITestOutputHelper output) : IDisposable
{
    private const int Instances = 3;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    private readonly TestDatabase _database = new(DatabaseProvider.Postgres);
    private readonly List<ApiProcess> _apis = [];

    [PostgresFact]
    public async Task ThreeInstancesSendEveryMessageOnceAndOneKilledMidDispatchLosesAndDuplicatesNothing()
    {
        const int messages = 50_000;
        var ledger = new SendLedger(_database);
        await StartAsync(new Dictionary<string, string>
        {
            ["Dispatcher__MessagesPerSecond"] = "0",
            ["Dispatcher__Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            ["Dispatcher__SettleGrace"] = Grace.ToString("c", CultureInfo.InvariantCulture),
            // Each provider call takes a while, and the next claim waits for it: the one killed almost always holds both
            // messages handed over and not yet answered, and messages claimed but not handed over.
            ["Sandbox__Latency"] = "00:00:00.020",
            ["Dispatcher__MaxInFlight"] = "1",
        });
        var run = Stopwatch.StartNew();
        var numbers = Enumerable.Range(0, messages).Select(i => $"+96653{1_000_000 + i:D7}").ToArray();
        var campaign = await _apis[0].Campaigns().CreateCampaignAsync(OrderConfirmation(numbers: numbers));

        // Kill one while it holds leases, a third of the way in.
        var victim = _apis[1];
        var owners = new HashSet<string>();
        await Eventually.UntilAsync(async () =>
        {
            owners.UnionWith(await ledger.LeaseOwnersAsync());
            return (Sent: await ledger.SendsAsync(), Holding: owners.Count(o => o.Contains($":{victim.ProcessId}:", StringComparison.Ordinal)));
        }, seen => seen.Sent >= messages / 3 && seen.Holding > 0, TimeSpan.FromSeconds(120), "a third sent");
        await victim.KillAsync();
        var dead = (await ledger.LeaseOwnersAsync()).Where(o => o.Contains($":{victim.ProcessId}:", StringComparison.Ordinal)).ToList();
        var (stranded, strandedHandedOver) = await ledger.InFlightUnderAsync(dead);
        output.WriteLine($"killed pid {victim.ProcessId} after {run.Elapsed.TotalSeconds:F1} s: {stranded} SENDING under its lease, {strandedHandedOver} of them handed over");

        // The sandbox can say whether it accepted a message, so the survivors' asking settles every doubt.
        await Eventually.UntilAsync(async () => await ledger.CountAsync(MessageStatus.Pending) + await ledger.CountAsync(MessageStatus.Sending) + await ledger.InDoubtAsync(),
            outstanding => outstanding == 0, TimeSpan.FromSeconds(180), "every message sent or settled");
        output.WriteLine($"{messages:N0} messages by {Instances} instances (one killed) in {run.Elapsed.TotalSeconds:F1} s");

        var rows = await ledger.RowsAsync();
        Assert.Equal(messages, rows.Count);
        Assert.DoesNotContain(rows, r => r.Sends > 1);
        foreach (var row in rows) SendLedger.AssertAccountedFor(row);
        // Every instance claimed a share of the campaign.
        Assert.Equal(Instances, owners.Count);
        var counts = await ledger.CampaignCountsAsync(campaign.Id);
        Assert.Equal(rows.Count(r => r.Status is MessageStatus.Submitted or MessageStatus.Delivered or MessageStatus.Read), counts.Sent);
        Assert.Equal(rows.Count(r => r.Status == MessageStatus.Failed), counts.Failed);
        Assert.DoesNotContain(rows, r => r.Error.StartsWith(MessageStore.OutcomeUnknown, StringComparison.Ordinal));

        // The two survivors settled the dead one's messages between them, each exactly once: what they say they settled
        // adds up to what it left, neither more (one row settled twice) nor less.
        var survivors = _apis.Where(a => a != victim).ToList();
        var settled = survivors.SelectMany(a => StoppedSenderLine().Matches(a.Output))
            .Aggregate((Requeued: 0, InDoubt: 0), (sum, m) => (sum.Requeued + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                sum.InDoubt + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        output.WriteLine($"survivors settled {settled.Requeued} re-queued and {settled.InDoubt} in doubt");
        Assert.Equal((stranded - strandedHandedOver, strandedHandedOver), (settled.Requeued, settled.InDoubt));
        Assert.True(stranded > 0, "the killed instance held no lease");
    }

    [PostgresFact]
    public async Task ThreeInstancesAt200PerSecondNeverPutMoreThan200InAnySecondTogether()
    {
        const int messages = 1_000;
        var ledger = new SendLedger(_database);
        await StartAsync(new Dictionary<string, string> { ["Dispatcher__MessagesPerSecond"] = "200" });
        var numbers = Enumerable.Range(0, messages).Select(i => $"+96655{i:D4}234").ToArray();
        await _apis[0].Campaigns().CreateCampaignAsync(OrderConfirmation(numbers: numbers));

        var owners = new HashSet<string>();
        await Eventually.UntilAsync(async () =>
        {
            owners.UnionWith(await ledger.LeaseOwnersAsync());
            return await ledger.SendsAsync();
        }, sent => sent == messages, TimeSpan.FromSeconds(60), "every message sent");

        var sentAt = await ledger.SentAtAsync();
        var sends = sentAt.ConvertAll(at => (at, 1));
        var (inASecond, inATenth) = (Pacer.MostInAnyWindow(sends, 1000), Pacer.MostInAnyWindow(sends, 100));
        output.WriteLine($"{messages} messages by {owners.Count} instances in {sentAt[^1] - sentAt[0]} ms: at most {inASecond} in a second, {inATenth} in 100 ms");
        Assert.Equal(Instances, owners.Count);
        Assert.True(inASecond <= 200, $"{inASecond} in one second");
        Assert.True(inATenth <= 24, $"{inATenth} in 100 ms");
        // Each instance on its own pace would have taken 1.7 s; together, the shared pace takes at least 4 s.
        Assert.True(sentAt[^1] - sentAt[0] >= 3_900, $"{messages} messages went out in {sentAt[^1] - sentAt[0]} ms");
    }

    [PostgresFact]
    public async Task ACampaignEveryInstanceSeesDueAtOnceStartsExactlyOnce()
    {
        const int campaigns = 10;
        var ledger = new SendLedger(_database);
        await StartAsync(new Dictionary<string, string>
        {
            ["Dispatcher__MessagesPerSecond"] = "0",
            ["Logging__LogLevel__CampaignAdmin.Api.Sending.Dispatcher"] = "Information",
        });
        // All at one SendAt, far enough ahead that every instance has read it (its poll) and set its timer for it.
        var sendAt = FutureSendAt(TimeSpan.FromSeconds(5));
        var ids = new List<int>();
        for (var i = 0; i < campaigns; i++)
        {
            var numbers = new[] { $"+96656{2 * i:D4}234", $"+96656{2 * i + 1:D4}234" };
            ids.Add((await _apis[i % Instances].Campaigns().CreateCampaignAsync(OrderConfirmation($"due {i}", sendAt, numbers))).Id);
        }

        await Eventually.UntilAsync(ledger.SendsAsync, sent => sent == 2 * campaigns, TimeSpan.FromSeconds(30), "every campaign sent");

        var starts = _apis.SelectMany((api, i) => StartedLine().Matches(api.Output).Select(m => (Instance: i, Id: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))).ToList();
        output.WriteLine("started by instance: " + string.Join(", ", starts.Select(s => $"{s.Id}@{s.Instance}")));
        Assert.Equal(ids.Order(), starts.Select(s => s.Id).Order());
        Assert.DoesNotContain(await ledger.RowsAsync(), r => r.Sends != 1);
    }

    /// <summary>The first instance alone (it migrates and seeds), then the others together.</summary>
    private async Task StartAsync(Dictionary<string, string> settings)
    {
        settings["Dispatcher__PollInterval"] = "00:00:00.100";
        settings["Demo__Seed"] = "true";
        settings["Demo__ApiKey"] = ApiFactory.DemoKey;
        _apis.Add(await ApiProcess.StartAsync(_database, settings, TimeSpan.FromSeconds(90)));
        _apis.AddRange(await Task.WhenAll(Enumerable.Range(1, Instances - 1).Select(_ => ApiProcess.StartAsync(_database, settings, TimeSpan.FromSeconds(90)))));
    }

    [GeneratedRegex(@"A stopped sender left (\d+) messages claimed but never handed to the provider \(re-queued\) and (\d+) handed over")]
    private static partial Regex StoppedSenderLine();

    [GeneratedRegex(@"Campaign (\d+) is due: it starts sending")]
    private static partial Regex StartedLine();

    public void Dispose()
    {
        foreach (var api in _apis)
        {
            output.WriteLine($"--- instance pid {api.ProcessId} ---");
            output.WriteLine(api.Output);
            api.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        _database.Dispose();
    }
}
