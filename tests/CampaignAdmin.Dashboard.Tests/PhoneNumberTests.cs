using CampaignAdmin.Dashboard.Reports;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class PhoneNumberTests : BuilderTestBase
{
    public PhoneNumberTests() => Services.AddSingleton<DownloadStore>();

    [Fact]
    public void ALocalNumberShowsAndIsSentInE164ForTheDefaultCountry()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Local numbers");
        builder.FillTwoRecipients();

        builder.Type(1, "Account ID", "053 907 8942");

        Assert.Equal("sent as +966539078942", builder.Page.Find("[data-row='0'] [data-testid=normalized-number]").TextContent.Trim());
        builder.CreateButton.ClickSettled();
        builder.Page.WaitForAssertion(() => Assert.Single(Api.Created));
        Assert.Equal(["+966539078942", "+966539078944"], Api.Created[0].Clients.Select(c => c.AccountId));
        Assert.Equal("053 907 8942", builder.Cell(1, "Account ID").GetAttribute("value"));
    }

    [Fact]
    public void AnotherDefaultCountryReadsNumbersWithoutPlusInThatCountry()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Emirates");
        builder.FillTwoRecipients();

        PickCountry(builder, "United Arab Emirates");
        builder.Type(1, "Account ID", "050 123 4567");

        Assert.Equal("sent as +971501234567", builder.Page.Find("[data-row='0'] [data-testid=normalized-number]").TextContent.Trim());
        builder.CreateButton.ClickSettled();
        builder.Page.WaitForAssertion(() => Assert.Single(Api.Created));
        Assert.Equal("+971501234567", Api.Created[0].Clients[0].AccountId);
    }

    [Fact]
    public void DuplicateNumbersAreRemovedInOneClick()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.Paste("0539078942\tJohn\tORD-1\n+966539078944\tSara\tORD-2\n+966 53 907 8942\tJohn again\tORD-3\n");
        Assert.Equal(3, builder.RowCount);

        builder.Click("Remove duplicates");

        Assert.Equal(2, builder.RowCount);
        Assert.DoesNotContain(builder.Page.FindAll("input[aria-label*='{{1}} customer name']"), i => i.GetAttribute("value") == "John again");
        Snackbars.WaitForAssertion(() => Assert.Contains("Removed 1 duplicate row.", Snackbars.Markup));
    }

    private void PickCountry(BuilderDriver builder, string name)
    {
        builder.Page.Find("input[data-testid=default-country]").InputSettled(name);
        builder.Page.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-popover-open .mud-list-item")));
        Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains(name, StringComparison.Ordinal)).ClickSettled();
        builder.Page.WaitForAssertion(() => Assert.Equal($"{name} (+971)", builder.Page.Find("input[data-testid=default-country]").GetAttribute("value")));
    }
}
