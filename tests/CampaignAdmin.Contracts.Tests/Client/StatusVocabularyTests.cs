using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Contracts.Tests.Client;

/// <summary>Issue 9: status words are mapped through one table, in any case; live refresh follows "not finished yet".</summary>
public sealed class StatusVocabularyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sending", CampaignState.Sending)]
    [InlineData("PROCESSING", CampaignState.Sending)]
    [InlineData("In_Progress", CampaignState.Sending)]
    [InlineData("pending", CampaignState.Scheduled)]
    [InlineData("SCHEDULED", CampaignState.Scheduled)]
    [InlineData("sent", CampaignState.Completed)]
    [InlineData("Completed", CampaignState.Completed)]
    [InlineData("failed", CampaignState.Failed)]
    [InlineData("paused_by_vendor", CampaignState.Unknown)]
    [InlineData("", CampaignState.Unknown)]
    [InlineData(null, CampaignState.Unknown)]
    public void CampaignWordsMapInAnyCase(string? word, CampaignState state) => Assert.Equal(state, StatusVocabulary.Default.Campaign(word));

    [Theory]
    [InlineData("SUBMITTED", MessageStatus.Submitted)]
    [InlineData("sent", MessageStatus.Submitted)]
    [InlineData("Delivered", MessageStatus.Delivered)]
    [InlineData("seen", MessageStatus.Read)]
    [InlineData("ERROR", MessageStatus.Failed)]
    [InlineData("processing", MessageStatus.Sending)]
    [InlineData("3", MessageStatus.Unknown)]
    [InlineData("PENDING,SENDING", MessageStatus.Unknown)]
    public void MessageWordsMapInAnyCase(string word, MessageStatus status) => Assert.Equal(status, StatusVocabulary.Default.Message(word));

    [Fact]
    public void ConfiguredWordsAddToTheTableAndCanOverrideIt()
    {
        var words = new StatusVocabulary(
            new Dictionary<string, string> { ["Dispatching"] = "sending", ["sent"] = "Sending" },
            new Dictionary<string, string> { ["handed_over"] = "Submitted" });

        Assert.Equal((CampaignState.Sending, CampaignState.Sending), (words.Campaign("DISPATCHING"), words.Campaign("sent")));
        Assert.Equal(MessageStatus.Submitted, words.Message("HANDED_OVER"));
    }

    [Fact]
    public void AWrongStateNameStopsTheStartNamingTheSetting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new StatusVocabulary(new Dictionary<string, string> { ["busy"] = "Working" }));
        Assert.Equal("CampaignApi:Statuses:Campaigns:busy = \"Working\" is not a state; choose one of: Unknown, Scheduled, Sending, Completed, Failed.",
            failure.Message);
    }

    [Theory]
    [InlineData("PROCESSING", "", true)]
    [InlineData("pending", "", true)]
    [InlineData("scheduled", "2025-03-01T08:59:00Z", true)]
    [InlineData("scheduled", "2025-03-02T09:00:00Z", false)]
    [InlineData("completed", "", false)]
    [InlineData("paused_by_vendor", "", true)]
    public void LiveRefreshFollowsNotFinishedYet(string status, string sendAt, bool underway) =>
        Assert.Equal(underway, StatusVocabulary.Default.IsUnderway(new CampaignResponse { Status = status, SendAt = sendAt }, Now));
}
