using Bunit;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Every docs/WIRE.md rule shows its exact text on the field it concerns as the user types, and Create follows.</summary>
public sealed class LiveValidationTests : BuilderTestBase
{
    [Fact]
    public void ClearingTheNameShowsNameRequiredOnTheNameField()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.FillTwoRecipients();
        builder.SetName("Spring");
        Assert.True(builder.CanCreate);

        builder.SetName("");

        Assert.Equal("Give the campaign a name.", builder.SentenceOn("Name"));
        Assert.Equal(ErrorTexts.NameRequired, builder.ErrorOn("Name"));
        Assert.False(builder.CanCreate);
        Assert.Equal("Can't create yet: Give the campaign a name — go to the name", builder.Reason);
    }

    [Fact]
    public void ATemplateChosenByTheLinkDoesNotScoldTheEmptyNameBeforeTheUserDidAnything()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        Assert.Null(builder.ErrorOn("Name"));
        Assert.Equal("Give the campaign a name — go to the name", builder.Problems[0]);

        builder.Type(1, "Account ID", "+966539078942"); // moving past the name shows it
        Assert.Equal(ErrorTexts.NameRequired, builder.ErrorOn("Name"));
    }

    [Fact]
    public void OneRecipientShowsAtLeastTwoClientsOnTheGridAndAddingOneClearsIt()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.Type(1, "Account ID", "+966539078942");

        Assert.Equal(ErrorTexts.AtLeastTwoClients, builder.ErrorOn("Clients"));
        Assert.False(builder.CanCreate);

        builder.Click("Add row");
        builder.Type(2, "Account ID", "+966539078944");

        Assert.Null(builder.ErrorOn("Clients"));
        Assert.True(builder.CanCreate);
    }

    [Fact]
    public void NoTemplateAndNoJsonShowsJsonOrTempMsgIdOnTheTemplateField()
    {
        var builder = OpenBuilder();
        builder.SetName("Spring");
        builder.Type(1, "Account ID", "+966539078942");
        builder.Click("Add row");
        builder.Type(2, "Account ID", "+966539078944");

        Assert.Equal(ErrorTexts.JsonOrTemplateRequired, builder.ErrorOn("TempMsgID"));
        Assert.Equal("Can't create yet: Choose a template (or write your own JSON under Advanced) — go to the template", builder.Reason);
    }

    [Fact]
    public void AnUnknownTemplateShowsTemplateNotFoundOnTheTemplateField()
    {
        var builder = OpenBuilder("00000000-0000-0000-0000-000000000000");

        Assert.Equal(ErrorTexts.TemplateNotFound, builder.ErrorOn("TempMsgID"));
    }

    [Fact]
    public void APendingTemplateCannotBeUsed()
    {
        var builder = OpenBuilder(TestTemplates.PendingId);

        Assert.Equal(ErrorTexts.TemplateNotFound, builder.ErrorOn("TempMsgID"));
    }

    [Fact]
    public void JsonWithMoreVariablesThanTheFirstRowHasShowsNotEnoughParamsOnThatRow()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();
        Assert.True(builder.CanCreate);

        builder.Page.Find("input[type=checkbox]").ChangeSettled(true);
        builder.Page.Find("textarea[data-testid=advanced-json]").InputSettled("""{"to":"<accountID>","text":"{{1}} {{2}} {{3}}"}""");

        Assert.Equal(ErrorTexts.NotEnoughParams, builder.ErrorOn("Clients[0].Params"));
        Assert.False(builder.CanCreate);
    }

    [Fact]
    public void APastedRowMissingAValueShowsParamsForAllVariablesOnThatRow()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Paste("+966539078946\tLayla");

        Assert.Equal(ErrorTexts.ParamsForAllVariables, builder.ErrorOn("Clients[2].Params"));
        Assert.False(builder.CanCreate);

        builder.Type(3, "{{2}}", "ORD-3");

        Assert.Null(builder.ErrorOn("Clients[2].Params"));
        Assert.True(builder.CanCreate);
    }

    [Fact]
    public void AScheduleWithoutATimeShowsTheSendAtRuleOnTheSchedule()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Page.FindAll("input[type=radio]")[1].ClickSettled();
        builder.Page.Find("[data-testid=schedule-date] input, input[data-testid=schedule-date]").ChangeSettled("2025-03-10");

        Assert.Equal(ErrorTexts.SendAtFormat, builder.ErrorOn("SendAt"));
        Assert.False(builder.CanCreate);
    }

    [Fact]
    public void InvalidAndDuplicateAccountIdsShowOnTheirCells()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.Type(1, "Account ID", "12");
        Assert.Equal(ErrorTexts.InvalidAccountId("12"), builder.ErrorOn("Clients[0].AccountID"));
        Assert.False(builder.CanCreate);

        builder.Type(1, "Account ID", "+966 53 907 8944");
        Assert.Null(builder.ErrorOn("Clients[0].AccountID"));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966539078944"), builder.ErrorOn("Clients[1].AccountID"));
        Assert.False(builder.CanCreate);
    }
}
