using System.Globalization;
using MessageKeys = CampaignAdmin.Api.Campaigns.MessageKeys;

namespace CampaignAdmin.Api.Tests;

/// <summary>A batch of message keys: the vendor's shape, the creation millisecond first, unique, ascending as strings.</summary>
public sealed class MessageKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 5, 6, 789, TimeSpan.Zero);

    [Fact]
    public void EveryKeyIsThirtyUpperCaseHexCharactersStartingWithTheMillisecond()
    {
        var prefix = Now.ToUnixTimeMilliseconds().ToString("X12", CultureInfo.InvariantCulture);
        var keys = MessageKeys.NewBatch(1_000, Now);

        Assert.Equal(1_000, keys.Length);
        Assert.All(keys, key =>
        {
            Assert.Matches("^[0-9A-F]{30}$", key);
            Assert.StartsWith(prefix, key, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ABatchIsUniqueAndAscendingInOrdinalOrder()
    {
        var keys = MessageKeys.NewBatch(100_000, Now);

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void TheRandomPartUsesAllSeventyTwoBits()
    {
        // Sorted as numbers, then written out: a slip in the widths would leave leading zeros or repeat the time.
        var keys = MessageKeys.NewBatch(4_096, Now);

        Assert.Contains(keys, key => key[12] is >= '8');
        Assert.Contains(keys, key => key[12] == '0');
        Assert.Contains(keys, key => key[29] != '0');
        Assert.True(string.CompareOrdinal(keys[^1], keys[0]) > 0);
    }

    [Fact]
    public void AnEmptyBatchIsEmpty() => Assert.Empty(MessageKeys.NewBatch(0, Now));
}
