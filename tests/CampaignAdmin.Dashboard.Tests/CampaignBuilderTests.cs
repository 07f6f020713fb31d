using System.Net;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class CampaignBuilderTests : BuilderTestBase
{
    [Fact]
    public void PickingATemplateFillsTheMessageAndTheGridColumns()
    {
        var builder = OpenBuilder();

        builder.PickTemplate("welcome_back_image");

        Assert.Equal("We are happy to see you back again, {{1}}.", builder.Message);
        Assert.Equal(["#", "Account ID", "Header image URL · https://example.com/image1.png", "{{1}} · Sara", "Actions"], builder.Columns);

        builder.PickTemplate("order_confirmation");

        Assert.Equal(["#", "Account ID", "{{1}} customer name · John", "{{2}} order number · ORD-12345", "Actions"], builder.Columns);
        Assert.Equal("Thank you for your order, {{1}}! Your order number is {{2}}.", builder.Message);
    }

    [Fact]
    public void ATemplateListedWithoutVariablesOrComposeStillGetsItsBodyColumns()
    {
        // As the vendor's Go structs list it: no Variables, Compose a struct (read as no string), examples but no labels.
        var listed = TestTemplates.OrderConfirmation;
        Templates.Templates[Templates.Templates.IndexOf(listed)] = new()
        {
            Id = listed.Id, Name = listed.Name, Category = listed.Category, Language = listed.Language, Status = listed.Status,
            Creation = listed.Creation.Select(c => new TemplateComponent { Type = c.Type, Format = c.Format, Text = c.Text, Examples = c.Examples }).ToList(),
        };
        var builder = OpenBuilder();

        builder.PickTemplate("order_confirmation");

        Assert.Equal(["#", "Account ID", "{{1}} · John", "{{2}} · ORD-12345", "Actions"], builder.Columns);
    }

    [Fact]
    public void ThePreviewShowsTheSelectedRecipientsValuesRightToLeftForArabic()
    {
        var builder = OpenBuilder(TestTemplates.ArabicId);
        builder.Type(1, "{{1}}", "سارة");
        builder.Type(1, "{{2}}", "ORD-7");

        var bubble = builder.Page.Find("[data-testid=template-preview] .bubble");
        Assert.Equal("rtl", bubble.GetAttribute("dir"));
        Assert.Equal("مرحباً سارة، تم شحن طلبك رقم ORD-7.", builder.Page.Find("[data-testid=preview-body]").TextContent.Trim());
    }

    [Fact]
    public void RowsCanBeAddedPastedAndDeleted()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        Assert.Equal(1, builder.RowCount);

        builder.Click("Add row");
        Assert.Equal(2, builder.RowCount);

        builder.Paste("Account ID\tName\tOrder\n+966539078942\tJohn\tORD-1\r\n+966539078944\tSara\tORD-2\n");
        Assert.Equal(4, builder.RowCount);
        Assert.Equal("+966539078944", builder.Cell(4, "Account ID").GetAttribute("value"));
        Assert.Equal("Sara", builder.Cell(4, "{{1}}").GetAttribute("value"));

        builder.Page.Find("button[aria-label='Delete row 3']").ClickSettled();
        Assert.Equal(3, builder.RowCount);
        Assert.Equal("+966539078944", builder.Cell(3, "Account ID").GetAttribute("value"));
        Assert.Contains("3 recipients", builder.Page.Find("[data-testid=recipient-count]").TextContent);
    }

    [Fact]
    public void PastingIntoAnUntouchedGridReplacesTheBlankFirstRow()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        builder.Paste("+966539078942\tJohn\tORD-1\n+966539078944\tSara\tORD-2");

        Assert.Equal(2, builder.RowCount);
        Assert.Equal("+966539078942", builder.Cell(1, "Account ID").GetAttribute("value"));
    }

    [Fact]
    public void DoubleClickingCreateSendsOneRequestAndOpensTheCampaign()
    {
        var gate = new TaskCompletionSource<CampaignResponse>();
        Api.OnCreate = _ => gate.Task;
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        var create = builder.CreateButton;
        create.ClickSettled();
        create.ClickSettled();
        Assert.True(builder.CreateButton.HasAttribute("disabled"));
        Assert.Contains("Creating", builder.CreateButton.TextContent);
        gate.SetResult(new CampaignResponse { Id = 7, Name = "Spring" });

        builder.Page.WaitForAssertion(() => Assert.EndsWith("/campaigns/7", Services.GetRequiredService<NavigationManager>().Uri));
        var request = Assert.Single(Api.Created);
        Assert.Equal("Spring", request.Name);
        Assert.Equal(TestTemplates.OrderConfirmationId, request.TempMsgId);
        Assert.Equal(["John", "ORD-1"], request.Clients[0].Params);
        Assert.Equal("", request.SendAt);
        Assert.Equal("", request.Json);
    }

    [Fact]
    public void ABadRequestLandsOnTheFormAndKeepsTheInput()
    {
        Api.OnCreate = async _ => throw await FakeCampaignApi.Error(HttpStatusCode.BadRequest, ErrorTexts.DuplicateAccountId("+966539078944"));
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Contains(ErrorTexts.DuplicateAccountId("+966539078944"), builder.Page.Find("[data-testid=submit-error]").TextContent));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966539078944"), builder.ErrorOn("Clients"));
        Assert.Equal("Spring", builder.NameInput.GetAttribute("value"));
        Assert.Equal("+966539078944", builder.Cell(2, "Account ID").GetAttribute("value"));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "refused the dashboard's API key")]
    [InlineData(HttpStatusCode.BadGateway, "The messaging provider failed: upstream down")]
    [InlineData(HttpStatusCode.InternalServerError, "The Campaign API failed (500)")]
    public void AServerFailureShowsAClearMessageAndKeepsTheInput(HttpStatusCode status, string expected)
    {
        Api.OnCreate = async _ => throw await FakeCampaignApi.Error(status, "upstream down");
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Contains(expected, builder.Page.Find("[data-testid=submit-error]").TextContent));
        Assert.Contains("Everything you entered is still here", builder.Page.Find("[data-testid=submit-error]").TextContent);
        Assert.Equal("Spring", builder.NameInput.GetAttribute("value"));
        Assert.Equal(2, builder.RowCount);
        Assert.True(builder.CanCreate);
    }

    [Fact]
    public void ANetworkFailureShowsThatTheApiCouldNotBeReached()
    {
        Api.OnCreate = _ => throw new HttpRequestException("connection refused");
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Contains("could not be reached", builder.Page.Find("[data-testid=submit-error]").TextContent));
    }
}
