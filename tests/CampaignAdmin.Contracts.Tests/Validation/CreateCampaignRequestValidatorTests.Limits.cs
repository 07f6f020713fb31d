using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Tests.Templates;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Contracts.Tests.Support.Sample;

namespace CampaignAdmin.Contracts.Tests.Validation;

/// <summary>Rule 6's cap: at most 1,000 distinct variables in the effective JSON, checked after rule 5 and before the params count.</summary>
public partial class CreateCampaignRequestValidatorTests
{
    private static CreateCampaignRequest ManyVariables(int count) => JsonRequest("{\"text\":\"" + VariablesScaleTests.Tokens(count) + "\"}");

    [Fact]
    public void AJsonWithMoreThanAThousandDistinctVariablesIsRefused()
    {
        var failure = Assert.Single(Validate(ManyVariables(Variables.MaxDistinct + 1)).Errors);

        Assert.Equal((ErrorTexts.TooManyVariables, "JSON"), (failure.ErrorMessage, failure.PropertyName));
    }

    [Fact]
    public void AThousandDistinctVariablesWithAThousandParamsPass()
    {
        var request = ManyVariables(Variables.MaxDistinct);
        request.Clients[0].Params = [.. Enumerable.Range(0, Variables.MaxDistinct).Select(i => $"p{i}")];

        Assert.True(Validate(request).IsValid);
    }

    [Fact]
    public void TemplateNotFoundComesBeforeTooManyVariables()
    {
        var request = ManyVariables(Variables.MaxDistinct + 1);
        request.TempMsgId = "00000000-0000-0000-0000-000000000000";
        AssertEarlierRuleWins(request, ErrorTexts.TemplateNotFound, ErrorTexts.TooManyVariables);
    }

    [Fact]
    public void TooManyVariablesComesBeforeNotEnoughParams() =>
        AssertEarlierRuleWins(ManyVariables(Variables.MaxDistinct + 1), ErrorTexts.TooManyVariables, ErrorTexts.NotEnoughParams);

    [Fact]
    public void TooManyVariablesComesBeforeSendAtFormat()
    {
        var request = ManyVariables(Variables.MaxDistinct + 1);
        request.Clients[0].Params = [.. Enumerable.Range(0, 2000).Select(i => $"p{i}")];
        request.SendAt = "garbage";
        AssertEarlierRuleWins(request, ErrorTexts.TooManyVariables, ErrorTexts.SendAtFormat);
    }

    [Fact]
    public async Task FortyThousandDistinctVariablesAreRefusedAtOnce()
    {
        var request = ManyVariables(40_000);

        var result = await Task.Run(() => Validate(request)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(ErrorTexts.TooManyVariables, Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void ACancelledRequestStopsTheScan()
    {
        var request = JsonRequest(string.Concat(Enumerable.Repeat("{{1}} ", 50_000)), Recipient(FirstNumber, "x"), Recipient(SecondNumber, "y"));
        var validator = new CreateCampaignRequestValidator(Catalog());

        Assert.Throws<OperationCanceledException>(() => validator.Validate(ValidationCancellation.For(request, new CancellationToken(canceled: true))));
    }
}
