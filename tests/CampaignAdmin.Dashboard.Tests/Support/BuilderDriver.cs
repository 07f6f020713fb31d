using AngleSharp.Dom;
using Bunit;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Components.Layout;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>Drives the New campaign page the way a user does: by labels and visible texts.</summary>
public sealed class BuilderDriver(IRenderedComponent<NewCampaign> page, IRenderedComponent<MudPopoverProvider> popovers)
{
    public IRenderedComponent<NewCampaign> Page => page;

    public IElement NameInput => page.Find("input[data-testid=campaign-name]");
    public IElement TemplateInput => page.Find("input[data-testid=template-picker]");
    public IElement CreateButton => page.Find("button[data-testid=create-campaign]");
    public string Reason => page.Find("[data-testid=create-disabled-reason]").TextContent.Trim();
    public bool CanCreate => !CreateButton.HasAttribute("disabled");

    public static string FieldText(IElement input) => input.Closest(".mud-input-control")!.TextContent;

    public string? Message => page.Find("textarea[data-testid=campaign-message]").GetAttribute("value");

    public string NameField => FieldText(NameInput);
    public string TemplateField => FieldText(TemplateInput);

    public string? ErrorOn(string property) =>
        page.FindAll($"[data-field='{property}']").Select(e => e.TextContent.Trim()).FirstOrDefault();

    public IElement Cell(int row, string column) => page.Find($"input[aria-label='Row {row} {column}']");

    public IReadOnlyList<string> Columns => page.FindAll(".recipients th").Select(th => th.TextContent.Trim()).ToList();

    public int RowCount => page.FindAll("tr[data-row]").Count;

    public void SetName(string name) => NameInput.InputSettled(name);

    public void Type(int row, string column, string value) => Cell(row, column).InputSettled(value);

    public void Click(string buttonText) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == buttonText).ClickSettled();

    public void PickTemplate(string name)
    {
        TemplateInput.InputSettled(name);
        page.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains(name, StringComparison.Ordinal)).ClickSettled();
        page.WaitForAssertion(() => Assert.Equal(name, TemplateInput.GetAttribute("value")));
    }

    public void Paste(string text)
    {
        Click("Paste rows");
        page.Find("textarea[data-testid=paste-rows]").ChangeSettled(text);
        Click("Add pasted rows");
    }

    /// <summary>Two valid recipients for the order confirmation template.</summary>
    public void FillTwoRecipients()
    {
        Type(1, "Account ID", "+966539078942");
        Type(1, "Body {{1}}", "John");
        Type(1, "Body {{2}}", "ORD-1");
        Click("Add row");
        Type(2, "Account ID", "+966539078944");
        Type(2, "Body {{1}}", "Sara");
        Type(2, "Body {{2}}", "ORD-2");
    }
}
