using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class ScheduleTests : DashboardTestContext
{
    private IRenderedComponent<SchedulePicker> RenderPicker(ScheduleModel schedule)
    {
        RenderProviders();
        return Render<SchedulePicker>(p => p.Add(x => x.Schedule, schedule));
    }

    private static ScheduleModel At(int year, int month, int day, int hour, int minute, string zone) => new()
    {
        SendNow = false, Date = new DateTime(year, month, day), Time = new TimeSpan(hour, minute, 0), ZoneId = zone,
    };

    [Fact]
    public void ATimeInRiyadhGivesItsOffsetTheUtcTimeAndHowFarAwayItIs()
    {
        var picker = RenderPicker(At(2025, 3, 10, 9, 0, "Asia/Riyadh"));

        Assert.Equal("2025-03-10T09:00:00+03:00", picker.Find("[data-testid=send-at-iso]").TextContent);
        Assert.Equal("10 Mar 2025, 06:00 UTC", picker.Find("[data-testid=send-at-utc]").TextContent);
        Assert.Equal("Sends in 8 days 21 h (09:00 Asia/Riyadh = 06:00 UTC)", picker.Find("[data-testid=send-at-relative]").TextContent);
        Assert.Empty(picker.FindAll("[data-testid=send-at-past]"));
    }

    [Fact]
    public void ChoosingAnotherZoneUsesThatZonesOffsetOnThatDate()
    {
        var schedule = At(2025, 3, 10, 9, 0, "Asia/Riyadh");
        var picker = RenderPicker(schedule);

        picker.Find("input[data-testid=schedule-zone]").InputSettled("New_York");
        picker.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-popover-open .mud-list-item")));
        Popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "America/New_York").ClickSettled();

        // New York moved to daylight time (UTC-4) on 9 March 2025.
        picker.WaitForAssertion(() => Assert.Equal("2025-03-10T09:00:00-04:00", picker.Find("[data-testid=send-at-iso]").TextContent));
        Assert.Equal("2025-03-10T09:00:00-04:00", schedule.SendAt);
        Assert.Equal("10 Mar 2025, 13:00 UTC", picker.Find("[data-testid=send-at-utc]").TextContent);
    }

    [Fact]
    public void ATimeInThePastIsWarnedAbout()
    {
        var picker = RenderPicker(At(2025, 2, 20, 9, 0, "UTC"));

        Assert.Contains("in the past", picker.Find("[data-testid=send-at-past]").TextContent);
        Assert.StartsWith("Was 9 days ago", picker.Find("[data-testid=send-at-relative]").TextContent);
    }

    [Fact]
    public void ATimeSkippedByDaylightSavingIsAProblemAndCarriesNoOffset()
    {
        var schedule = At(2025, 3, 9, 2, 30, "America/New_York");

        Assert.Null(schedule.Value);
        Assert.Equal("2025-03-09T02:30:00", schedule.SendAt);
        Assert.Contains("does not exist in America/New_York", schedule.Problem);
    }

    [Fact]
    public void SendNowSendsNoSendAt()
    {
        var schedule = At(2025, 3, 10, 9, 0, "Asia/Riyadh");
        schedule.SendNow = true;

        Assert.Equal("", schedule.SendAt);
        Assert.Null(schedule.Problem);
    }
}
