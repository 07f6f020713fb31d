using CampaignAdmin.Api.Data;

namespace CampaignAdmin.Api.Tests;

/// <summary>The gate tells a big create holding it whether anybody waits, so its transaction can end at the next chunk.</summary>
public sealed class CampaignWriteGateTests
{
    [Fact]
    public async Task IsWantedWhileSomebodyWaitsAndNotOnceTheyHaveTheirTurn()
    {
        using var gate = new CampaignWriteGate();
        var first = await gate.EnterAsync(CancellationToken.None);
        Assert.False(gate.IsWanted);

        var second = gate.EnterAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.True(gate.IsWanted);

        first.Dispose();
        using (await second) Assert.False(gate.IsWanted);
    }

    [Fact]
    public async Task AWaiterThatGivesUpIsNoLongerCounted()
    {
        using var gate = new CampaignWriteGate();
        using var held = await gate.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var waiting = gate.EnterAsync(giveUp.Token);
        Assert.True(gate.IsWanted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(gate.IsWanted);
    }
}
