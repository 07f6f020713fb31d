using System.Diagnostics;
using System.Globalization;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Xunit.Abstractions;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The API as a real process, <c>kill -9</c>ed several times while it sends a 20,000-message campaign and started again
/// on the same database. From the database afterwards: every message went out at most once (the sandbox's own record
/// of what it accepted), none was lost, and "outcome unknown" is left only for messages that had been handed to the
/// provider (docs/SENDING.md, "Crashes").
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 20_000;
    private const int Kills = 4;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    private readonly TestDatabase _database = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KilledMidDispatchSendsEveryMessageAtMostOnceAndLosesNone(bool askProvider)
    {
        var settings = new Dictionary<string, string>
        {
            ["Dispatcher__MessagesPerSecond"] = "2000",
            ["Dispatcher__Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            ["Dispatcher__SettleGrace"] = Grace.ToString("c", CultureInfo.InvariantCulture),
            ["Dispatcher__PollInterval"] = "00:00:00.100",
            ["Dispatcher__AskProvider"] = askProvider ? "true" : "false",
            ["Demo__Seed"] = "true",
            ["Demo__ApiKey"] = ApiFactory.DemoKey,
        };
        var ledger = new SendLedger(_database);
        var run = Stopwatch.StartNew();
        var api = await ApiProcess.StartAsync(_database, settings, TimeSpan.FromSeconds(60));
        try
        {
            var numbers = Enumerable.Range(0, Messages).Select(i => $"+96653{1_000_000 + i:D7}").ToArray();
            var campaign = await api.Campaigns().CreateCampaignAsync(OrderConfirmation(numbers: numbers));

            long stranded = 0, strandedHandedOver = 0;
            var slowestSettle = TimeSpan.Zero;
            for (var kill = 1; kill <= Kills; kill++)
            {
                await WaitForAsync(async () => await ledger.SendsAsync() >= kill * Messages / (Kills + 1), TimeSpan.FromSeconds(60), $"send {kill * Messages / (Kills + 1)}");
                await Task.Delay(Random.Shared.Next(0, 200)); // anywhere in a pace slot
                await api.KillAsync();
                await api.DisposeAsync();
                var (sending, handedOver) = await ledger.InFlightAsync();
                var dead = await ledger.LeaseOwnersAsync();
                (stranded, strandedHandedOver) = (stranded + sending, strandedHandedOver + handedOver);

                var restart = Stopwatch.StartNew();
                api = await ApiProcess.StartAsync(_database, settings, TimeSpan.FromSeconds(60));
                var started = restart.Elapsed;
                await WaitForAsync(async () => await ledger.SendingUnderAsync(dead) == 0, TimeSpan.FromSeconds(60), "the dead sender's messages settled");
                output.WriteLine($"kill {kill}: {sending} SENDING ({handedOver} handed to the provider); restarted in {started.TotalSeconds:F1} s, " +
                                 $"settled {restart.Elapsed.TotalSeconds:F1} s after the restart began");
                await WaitForAsync(() => Task.FromResult(!askProvider || handedOver == 0 || api.Output.Contains("unknown outcome", StringComparison.Ordinal)),
                    TimeSpan.FromSeconds(10), "the provider asked");
                foreach (var line in api.Output.Split('\n').Where(l => l.Contains("unknown outcome", StringComparison.Ordinal))) output.WriteLine("  " + line.Trim());
                slowestSettle = TimeSpan.FromTicks(Math.Max(slowestSettle.Ticks, (restart.Elapsed - started).Ticks));
            }
            await WaitForAsync(async () => await ledger.CountAsync(MessageStatus.Pending) + await ledger.CountAsync(MessageStatus.Sending) == 0,
                TimeSpan.FromSeconds(60), "everything sent");

            var rows = await ledger.RowsAsync();
            var unknown = rows.Where(r => r.Status == MessageStatus.Failed && r.Error.StartsWith(MessageStore.OutcomeUnknown, StringComparison.Ordinal)).ToList();
            output.WriteLine($"ask provider {askProvider}: {Messages:N0} messages, {Kills} kills, {stranded} stranded SENDING ({strandedHandedOver} handed over); " +
                             $"{unknown.Count} end outcome unknown ({unknown.Count(r => r.Sends == 1)} of them had been sent); " +
                             $"{rows.Sum(r => r.Sends):N0} sends; slowest settle {slowestSettle.TotalSeconds:F1} s after start-up; {run.Elapsed.TotalSeconds:F0} s");

            Assert.DoesNotContain(rows, r => r.Sends > 1);
            foreach (var row in rows) SendLedger.AssertAccountedFor(row);
            var counts = await ledger.CampaignCountsAsync(campaign.Id);
            Assert.Equal(rows.Count(r => r.Status is MessageStatus.Submitted or MessageStatus.Delivered or MessageStatus.Read), counts.Sent);
            Assert.Equal(rows.Count(r => r.Status == MessageStatus.Failed), counts.Failed);
            // The sandbox can say whether it accepted a message, so asking settles every doubt.
            if (askProvider) Assert.Empty(unknown);
            // The lease (counted from the claim, before the kill) plus the grace, with room for a busy machine.
            Assert.True(slowestSettle < Lease + Grace + TimeSpan.FromSeconds(3), $"settling took {slowestSettle.TotalSeconds:F1} s after start-up");
        }
        catch
        {
            output.WriteLine(api.Output);
            throw;
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _database.Dispose();
}
