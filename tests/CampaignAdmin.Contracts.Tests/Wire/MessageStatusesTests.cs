using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Contracts.Tests.Wire;

public class MessageStatusesTests
{
    [Theory]
    [InlineData("PENDING", MessageStatus.Pending)]
    [InlineData("SENDING", MessageStatus.Sending)]
    [InlineData("SUBMITTED", MessageStatus.Submitted)]
    [InlineData("DELIVERED", MessageStatus.Delivered)]
    [InlineData("READ", MessageStatus.Read)]
    [InlineData("FAILED", MessageStatus.Failed)]
    [InlineData("failed", MessageStatus.Failed)]
    [InlineData("Delivered", MessageStatus.Delivered)]
    [InlineData("rEaD", MessageStatus.Read)]
    public void WireValuesParseWhateverTheirCase(string value, MessageStatus expected) =>
        Assert.Equal(expected, MessageStatuses.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("QUEUED")]
    [InlineData("sent")]
    [InlineData("UNKNOWN")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData("PENDING,SENDING")]
    [InlineData("Sending, Failed")]
    [InlineData("READ|FAILED")]
    public void AnythingElseIsUnknownAndNeverThrows(string? value) =>
        Assert.Equal(MessageStatus.Unknown, MessageStatuses.Parse(value));

    [Theory]
    [InlineData(MessageStatus.Pending, "PENDING")]
    [InlineData(MessageStatus.Submitted, "SUBMITTED")]
    [InlineData(MessageStatus.Failed, "FAILED")]
    public void ToWireWritesUpperCase(MessageStatus status, string expected) => Assert.Equal(expected, status.ToWire());

    [Fact]
    public void EveryKnownStatusRoundTripsThroughItsWireForm()
    {
        foreach (var status in MessageStatuses.Known) Assert.Equal(status, MessageStatuses.Parse(status.ToWire()));
    }

    [Fact]
    public void KnownStatusesRunInTheOrderAMessageMovesForward() =>
        Assert.Equal(["PENDING", "SENDING", "SUBMITTED", "DELIVERED", "READ", "FAILED"], MessageStatuses.Known.Select(s => s.ToWire()));

    [Fact]
    public void CampaignStatusesAreTheDesignsLowerCaseValues() =>
        Assert.Equal(["scheduled", "sending", "completed", "failed"], CampaignStatus.All);
}
