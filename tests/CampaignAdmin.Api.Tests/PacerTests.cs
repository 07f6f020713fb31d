using CampaignAdmin.Api.Sending;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The pace on a simulated clock: every slot taken, then handed over after a random delay (the hand-over write), for
/// 20 simulated seconds. What the provider sees is checked over every 1 s and every 100 ms window.
/// </summary>
public sealed class PacerTests
{
    private const long Frequency = 1_000_000; // microseconds

    [Theory]
    [InlineData(1000, 10, 120, 200, 10)]
    [InlineData(80, 1, 9, 16, 1)]
    [InlineData(250, 2, 30, 50, 2)]
    [InlineData(7, 1, 1, 1, 0)]
    [InlineData(5000, 50, 600, 500, 50)]
    public void SlotsAreAHundredthClaimsAFifthAndTheShortWindowCapIsATenthTimesOnePointTwoWithASlotOfHeadroom(int perSecond, int slot, int shortCap, int claim, int headroom)
    {
        var pacer = new Pacer(perSecond, new ManualClock());
        Assert.Equal(slot, pacer.SlotSize);
        Assert.Equal(shortCap, pacer.ShortWindowCap);
        Assert.Equal(claim, pacer.BatchSize(500));
        Assert.Equal(headroom, pacer.Headroom);
    }

    [Fact]
    public void UnpacedGivesTheWholeBatchAtOnce()
    {
        var pacer = new Pacer(0, new ManualClock());
        Assert.False(pacer.IsPaced);
        Assert.Equal(500, pacer.BatchSize(500));
        Assert.True(pacer.TakeAsync(500, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(80)]
    [InlineData(333)]
    [InlineData(5)]
    [InlineData(100)]
    public void NoSecondHoldsMoreThanTheCapAndNoTenthMoreThanOnePointTwoTimesItsShare(int perSecond)
    {
        var clock = new ManualClock();
        var pacer = new Pacer(perSecond, clock);
        var random = new Random(perSecond);
        var sends = new List<(long At, int Count)>();
        var atProvider = new List<(long At, int Count)>();
        var end = clock.Now + 20 * Frequency;
        while (clock.Now < end)
        {
            using var slot = pacer.TryTake(pacer.SlotSize, clock.Now, out var wait);
            if (slot is null)
            {
                clock.Now += wait;
                continue;
            }
            // The hand-over mark takes 0-8 ms to write; the moment that counts is after it.
            clock.Now += random.Next(0, 8_000);
            slot.HandedOver(pacer.SlotSize);
            sends.Add((clock.Now, pacer.SlotSize));
            // The provider's clock reads 0-3 ms later (a preempted thread on a busy machine).
            atProvider.Add((clock.Now + random.Next(0, 3_000), pacer.SlotSize));
        }

        // Our log keeps a slot of headroom under each cap...
        Assert.InRange(Pacer.MostInAnyWindow(sends, Frequency), 1, perSecond - pacer.Headroom);
        Assert.InRange(Pacer.MostInAnyWindow(sends, Frequency / 10), 1, Math.Max(pacer.SlotSize, pacer.ShortWindowCap - pacer.Headroom));
        // ...so what the provider counts stays under the caps themselves.
        atProvider.Sort();
        if (pacer.Headroom > 0)
        {
            Assert.InRange(Pacer.MostInAnyWindow(atProvider, Frequency), 1, perSecond);
            Assert.InRange(Pacer.MostInAnyWindow(atProvider, Frequency / 10), 1, pacer.ShortWindowCap);
        }
        // And the pace is kept, not starved: at least 95% of the cap over the 20 s.
        Assert.InRange(sends.Sum(s => s.Count), perSecond * 20 * 95 / 100, perSecond * 20 + pacer.SlotSize);
    }

    [Fact]
    public void ARoomTakenAndNotYetHandedOverCountsForEveryoneElse()
    {
        var clock = new ManualClock();
        var pacer = new Pacer(1, clock);
        using var first = pacer.TryTake(1, clock.Now, out _);
        Assert.NotNull(first);
        Assert.Null(pacer.TryTake(1, clock.Now + 5 * Frequency, out var wait));
        Assert.True(wait > 0);
    }

    [Fact]
    public void ASlotGivenBackUnusedLeavesItsRoomForTheNext()
    {
        var clock = new ManualClock();
        var pacer = new Pacer(1, clock);
        pacer.TryTake(1, clock.Now, out _)!.Dispose();
        using var next = pacer.TryTake(1, clock.Now, out var wait);
        Assert.NotNull(next);
        Assert.Equal(0, wait);
    }

    [Fact]
    public void AfterASlotIsHandedOverTheNextWaitsItsShareOfTheSecond()
    {
        var clock = new ManualClock();
        var pacer = new Pacer(100, clock);
        using (var slot = pacer.TryTake(1, clock.Now, out _)) slot!.HandedOver(1);
        Assert.Null(pacer.TryTake(1, clock.Now, out var wait));
        // 99 a second: the pace less its slot of headroom.
        Assert.Equal(Frequency / 99, wait);
    }

    [Fact]
    public void ASlotGivenALittleLateKeepsTheScheduleAndAfterAnIdleSpellItStartsFromNow()
    {
        var clock = new ManualClock();
        var pacer = new Pacer(100, clock);
        var start = clock.Now;
        using (var slot = pacer.TryTake(1, clock.Now, out _)) slot!.HandedOver(1);

        // Due at +10.1 ms (99 a second), given at +15 ms: the next is still due at +20.2 ms, not +25.1.
        clock.Now = start + Frequency * 15 / 1000;
        using (var late = pacer.TryTake(1, clock.Now, out _)) late!.HandedOver(1);
        Assert.Null(pacer.TryTake(1, clock.Now, out var wait));
        Assert.Equal(2 * (Frequency / 99) - Frequency * 15 / 1000, wait);

        // A second later nothing is owed: one slot now, the next a full 10 ms after it (no burst to catch up).
        clock.Now = start + Frequency;
        using (var fresh = pacer.TryTake(1, clock.Now, out _)) fresh!.HandedOver(1);
        Assert.Null(pacer.TryTake(1, clock.Now, out wait));
        Assert.Equal(Frequency / 99, wait);
    }

    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1_000 * Frequency;

        public override long TimestampFrequency => Frequency;

        public override long GetTimestamp() => Now;
    }
}
