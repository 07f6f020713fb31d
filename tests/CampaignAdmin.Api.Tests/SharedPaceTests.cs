using System.Diagnostics;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Data.Postgres;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The pace kept in PostgreSQL (<see cref="PostgresPace"/>): three pacers, each as another process would hold it, take
/// slots as fast as they are given for three seconds and hand them over at once. Counted at the moments they handed
/// over, all three together keep to the one cap and the 100 ms share.
/// </summary>
public sealed class SharedPaceTests : IDisposable
{
    private readonly TestDatabase _database = new(DatabaseProvider.Postgres);

    [PostgresFact]
    public async Task ThreePacersOnOneDatabaseKeepToOneCapTogether()
    {
        const int perSecond = 100;
        await using (var db = _database.NewCampaignDb()) await db.Database.MigrateAsync();
        var database = new CampaignDatabase(DatabaseProvider.Postgres, _database.ConnectionString);
        var pacers = Enumerable.Range(0, 3)
            .Select(_ => new Pacer(perSecond, TimeProvider.System, new PostgresPace(database, TimeProvider.System, NullLogger<PostgresPace>.Instance)))
            .ToList();
        var sends = new List<(long At, int Count)>();
        var end = Stopwatch.GetTimestamp() + 3 * Stopwatch.Frequency;

        await Task.WhenAll(pacers.Select(pacer => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                using var slot = await pacer.TakeAsync(pacer.SlotSize, CancellationToken.None);
                // Our reading first: the pace logs the hand-over at or after it.
                var at = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
                slot.HandedOver(pacer.SlotSize);
                lock (sends) sends.Add((at, pacer.SlotSize));
            }
        })));

        sends.Sort();
        Assert.True(pacers.All(p => p.IsShared));
        Assert.InRange(Pacer.MostInAnyWindow(sends, 1_000_000), 1, perSecond);
        Assert.InRange(Pacer.MostInAnyWindow(sends, 100_000), 1, pacers[0].ShortWindowCap);
        // Not starved: from the first hand-over to the last (the first connections take a while on a busy machine), at least
        // a third of the cap a second. Seen 97–99 a second on a quiet machine; 47 at a load average of 12 on 2 cores, where
        // every slot's round trip to the server waits for a core. The caps above are what this test is for.
        var seconds = (sends[^1].At - sends[0].At) / 1e6;
        Assert.True(seconds >= 1, $"the sends spanned {seconds:0.00} s");
        Assert.InRange(sends.Count, (int)(seconds * perSecond / 3), 3 * perSecond + 1);
    }

    public void Dispose() => _database.Dispose();
}
