using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Contracts.Tests.Validation;

public class UpdateCampaignRequestValidatorTests
{
    private static IEnumerable<(string, string)> Failures(UpdateCampaignRequest request) =>
        new UpdateCampaignRequestValidator().Validate(request).Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    [Fact]
    public void VendorsUpdateExampleIsValid() =>
        Assert.Empty(Failures(new UpdateCampaignRequest { Id = 387, Name = "test22", SendAt = "2025-03-04T11:31:25.000Z" }));

    [Fact]
    public void EmptyNameAndSendAtAreAllowedBecauseTheyKeepTheOldValues() =>
        Assert.Empty(Failures(new UpdateCampaignRequest { Id = 1 }));

    [Fact]
    public void MissingIdReturnsIdRequired() =>
        Assert.Equal([("ID", "invalid request: ID is required")], Failures(new UpdateCampaignRequest { Name = "x" }));

    [Fact]
    public void SendAtWithoutOffsetReturnsSendAtFormatError() =>
        Assert.Equal([("SendAt", ErrorTexts.SendAtFormat)], Failures(new UpdateCampaignRequest { Id = 1, SendAt = "2025-03-03T14:32:25" }));

    [Fact]
    public void OverlongNameReturnsNameTooLong() =>
        Assert.Equal([("Name", ErrorTexts.NameTooLong)], Failures(new UpdateCampaignRequest { Id = 1, Name = new string('n', 257) }));

    [Fact]
    public void OnlyTheFirstFailureIsReported() =>
        Assert.Equal([("ID", ErrorTexts.IdRequired)], Failures(new UpdateCampaignRequest { Name = new string('n', 257), SendAt = "x" }));
}
