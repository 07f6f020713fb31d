using Bunit;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Problems read as sentences with the API's rule underneath, appear once a field was left or Create was pressed, and are listed grouped.</summary>
public sealed class BuilderProblemsTests : BuilderTestBase
{
    [Theory]
    [InlineData("+96653907", "+96653907 is too short to be a Saudi number.")]
    [InlineData("12", "12 is too short to be a Saudi number.")]
    [InlineData("+9665390789421234", "+9665390789421234 is too long to be a Saudi number.")]
    [InlineData("+999 1234567", "+999 1234567 does not start with a country code that exists: write + and the country code (+966 for Saudi Arabia).")]
    [InlineData("hello", "\"hello\" is not a phone number: use digits, with + and the country code.")]
    [InlineData("+971 50 12", "+971 50 12 is too short to be a UAE number.")]
    [InlineData("", "Enter a phone number.")]
    public void ABadNumberReadsAsASentenceWithTheApisRuleUnderneath(string number, string sentence)
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Type(1, "Account ID", number);

        Assert.Equal(sentence, builder.SentenceOn("Clients[0].AccountID"));
        Assert.Equal(ErrorTexts.InvalidAccountId(number), builder.ErrorOn("Clients[0].AccountID"));
    }

    [Fact]
    public void ARepeatedNumberSaysWhichRowHasItAlready()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Type(2, "Account ID", "+966 53 907 8942");

        Assert.Equal("+966 53 907 8942 is already on row 1: each number gets the message once.", builder.SentenceOn("Clients[1].AccountID"));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966 53 907 8942"), builder.ErrorOn("Clients[1].AccountID"));
    }

    [Fact]
    public void ACellShowsNothingWhileTypedInAndItsProblemOnceLeft()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");

        builder.TypeWithoutLeaving(1, "Account ID", "+96653907");
        Assert.Null(builder.ErrorOn("Clients[0].AccountID"));

        builder.Cell(1, "Account ID").FocusOutSettled();
        Assert.Equal("+96653907 is too short to be a Saudi number.", builder.SentenceOn("Clients[0].AccountID"));
    }

    [Fact]
    public void ABlankNewRowDoesNotShoutBeforeItIsTouched()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Click("Add row");

        Assert.Null(builder.ErrorOn("Clients[2].AccountID"));
        Assert.Equal(["1 row has no phone number — go to row 3"], builder.Problems);
    }

    [Fact]
    public void TheNameDoesNotShoutWhileTypedAndDoesOnceLeftEmpty()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        builder.NameInput.InputSettled("");
        Assert.Null(builder.ErrorOn("Name"));

        builder.NameInput.BlurSettled();
        Assert.Equal("Give the campaign a name.", builder.SentenceOn("Name"));
    }

    [Fact]
    public void PressingCreateWithProblemsShowsEveryOneOnItsFieldAndSendsNothing()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.Click("Add row");
        Assert.Null(builder.ErrorOn("Name"));
        Assert.Null(builder.ErrorOn("Clients[1].AccountID"));

        builder.CreateButton.ClickSettled();

        Assert.Equal("Give the campaign a name.", builder.SentenceOn("Name"));
        Assert.Equal("Enter a phone number.", builder.SentenceOn("Clients[0].AccountID"));
        Assert.Equal("Enter a phone number.", builder.SentenceOn("Clients[1].AccountID"));
        Assert.Equal(["Give the campaign a name — go to the name", "2 rows have no phone number — go to row 1"], builder.Problems);
        Assert.Empty(Api.Created);
    }

    [Fact]
    public void CantCreateYetListsEveryProblemGroupedWithCountsAndTheFirstRow()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");

        builder.Paste("+966539078942\tJohn\tORD-1\n+96653907\tA\tB\n+9665390\tC\tD\n12345\tE\tF\n+966539078942\tG\tH\n+966539078950\tI");

        Assert.Equal(
        [
            "3 numbers are too short — go to row 2",
            "1 number is listed twice — go to row 5",
            "1 row is missing values — go to row 6",
        ], builder.Problems);
        Assert.StartsWith("Can't create yet: 3 numbers are too short — go to row 2", builder.Reason);
        Assert.Equal("Row 6 is missing 1 value: the template has 2 variables.", builder.SentenceOn("Clients[5].Params"));
        Assert.Equal(ErrorTexts.ParamsForAllVariables, builder.ErrorOn("Clients[5].Params"));
    }

    [Fact]
    public void AJumpFocusesTheFirstOffendingCell()
    {
        var script = JSInterop.SetupModule(GridScript.Path);
        script.Mode = JSRuntimeMode.Loose;
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.Paste("+966539078942\tJohn\tORD-1\n+96653907\tA\tB\n+966539078944\tSara\tORD-2");

        builder.Page.FindAll("button.problem-jump").Single(b => b.TextContent == "go to row 2").ClickSettled();

        var focus = script.VerifyInvoke("focusField");
        Assert.Equal("[data-testid=recipients-grid] input[data-row='1'][data-col='0']", focus.Arguments[0]);
        Assert.Equal(1, focus.Arguments[1]);
    }
}
