using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Contracts.Tests.Validation;

public class SendAtFormatTests
{
    [Theory]
    [InlineData("2025-03-03T14:32:25+03:00")]
    [InlineData("2025-03-04T11:31:25.000Z")]
    [InlineData("2025-03-04T11:31:25Z")]
    [InlineData("2025-03-04T11:31:25.1234567Z")]
    [InlineData("2025-03-04T11:31:25-05:00")]
    [InlineData("2025-03-04T11:31+03:00")]
    [InlineData("2025-03-04T11:31:25+0300")]
    public void DateTimeWithAnOffsetIsValid(string value) => Assert.True(SendAtFormat.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("2025-03-03T14:32:25")]
    [InlineData("2025-03-03T14:32:25.000")]
    [InlineData("2025-03-03")]
    [InlineData("2025-03-03 14:32:25+03:00")]
    [InlineData("03/03/2025 14:32:25 +03:00")]
    [InlineData("2025-03-03T14:32:25 +03:00")]
    [InlineData("2025-02-30T10:00:00Z")]
    [InlineData("2025-03-03T25:00:00Z")]
    [InlineData("next tuesday")]
    [InlineData("2025-03-03T14:32:25+03:00 and then some")]
    [InlineData("2025-03-03T14:32:25+03:00\n")]
    [InlineData(" 2025-03-03T14:32:25+03:00")]
    public void AnythingWithoutAnOffsetOrNotADateTimeIsInvalid(string? value) => Assert.False(SendAtFormat.IsValid(value));

    [Fact]
    public void TryParseKeepsTheGivenOffset()
    {
        Assert.True(SendAtFormat.TryParse("2025-03-03T14:32:25+03:00", out var sendAt));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 14, 32, 25, TimeSpan.FromHours(3)), sendAt);
        Assert.Equal(TimeSpan.FromHours(3), sendAt.Offset);
    }

    [Fact]
    public void TryParseReadsZuluAsUtc()
    {
        Assert.True(SendAtFormat.TryParse("2025-03-04T11:31:25.000Z", out var sendAt));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 11, 31, 25, TimeSpan.Zero), sendAt);
    }

    [Fact]
    public void FormatWritesTheVendorsExampleShape() =>
        Assert.Equal("2025-03-03T14:32:25+03:00", SendAtFormat.Format(new DateTimeOffset(2025, 3, 3, 14, 32, 25, TimeSpan.FromHours(3))));

    [Fact]
    public void FormatOfUtcWritesZeroOffset() =>
        Assert.Equal("2025-03-04T11:31:25+00:00", SendAtFormat.Format(new DateTimeOffset(2025, 3, 4, 11, 31, 25, TimeSpan.Zero)));

    [Fact]
    public void FormattedValueIsValidAndReadsBackTheSame()
    {
        var value = new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5));
        Assert.True(SendAtFormat.TryParse(SendAtFormat.Format(value), out var parsed));
        Assert.Equal(value, parsed);
        Assert.Equal(value.Offset, parsed.Offset);
    }
}
