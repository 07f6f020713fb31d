using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Contracts.Tests.Wire;

public class WireTimeTests
{
    [Fact]
    public void FormatWritesUtcWithZ() =>
        Assert.Equal("2025-03-03T11:32:25Z", WireTime.Format(new DateTimeOffset(2025, 3, 3, 14, 32, 25, TimeSpan.FromHours(3))));

    [Fact]
    public void FormatKeepsMillisecondsWithoutTrailingZeros() =>
        Assert.Equal("2025-03-04T11:31:25.12Z", WireTime.Format(new DateTimeOffset(2025, 3, 4, 11, 31, 25, 120, TimeSpan.Zero)));

    [Fact]
    public void FormatOfNoTimeIsNull() => Assert.Null(WireTime.Format((DateTimeOffset?)null));

    [Fact]
    public void FormatOfATimeIsItsText() =>
        Assert.Equal("2025-03-04T11:31:25Z", WireTime.Format((DateTimeOffset?)new DateTimeOffset(2025, 3, 4, 11, 31, 25, TimeSpan.Zero)));

    [Fact]
    public void ParseKeepsTheOffsetItWasGiven()
    {
        var parsed = WireTime.Parse("2025-03-03T14:32:25+03:00");
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 14, 32, 25, TimeSpan.FromHours(3)), parsed);
        Assert.Equal(TimeSpan.FromHours(3), parsed!.Value.Offset);
    }

    [Fact]
    public void ParseReadsZuluWithFraction() =>
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 11, 31, 25, TimeSpan.Zero), WireTime.Parse("2025-03-04T11:31:25.000Z"));

    [Fact]
    public void ParseReadsWhatFormatWrote()
    {
        var time = new DateTimeOffset(2025, 3, 4, 11, 31, 25, 456, TimeSpan.Zero);
        Assert.Equal(time, WireTime.Parse(WireTime.Format(time)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2025-02-30T10:00:00Z")]
    public void ParseOfNothingOrGarbageIsNoTime(string? value) => Assert.Null(WireTime.Parse(value));
}
