using System.Net;
using System.Text;
using CampaignAdmin.Client;
using Refit;

namespace CampaignAdmin.Contracts.Tests.Client;

public class ApiErrorsTests
{
    private static async Task<ApiException> ApiError(HttpStatusCode status, string body = "", string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://campaigns.test/v2/campaign/create");
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, mediaType) };
        return await ApiException.Create(request, HttpMethod.Post, response, ServiceCollectionExtensions.RefitSettings);
    }

    [Fact]
    public async Task ErrorTextIsTheErrorFieldOfAJsonBody()
    {
        var exception = await ApiError(HttpStatusCode.BadRequest, """{"Error":"invalid request: at least 2 clients required"}""");
        Assert.Equal("invalid request: at least 2 clients required", ApiErrors.ErrorText(exception));
    }

    [Fact]
    public async Task ErrorTextReadsTheErrorFieldWhateverItsCase()
    {
        var exception = await ApiError(HttpStatusCode.NotFound, """{"error":"campaign not found"}""");
        Assert.Equal("campaign not found", ApiErrors.ErrorText(exception));
    }

    [Fact]
    public async Task ErrorTextIsAPlainTextBodyAsSent()
    {
        var exception = await ApiError(HttpStatusCode.BadRequest, "  only scheduled campaigns can be updated (name and SendAt fields only)\n", "text/plain");
        Assert.Equal("only scheduled campaigns can be updated (name and SendAt fields only)", ApiErrors.ErrorText(exception));
    }

    [Fact]
    public async Task ErrorTextIsEmptyForAnEmptyBody() =>
        Assert.Equal("", ApiErrors.ErrorText(await ApiError(HttpStatusCode.BadRequest)));

    // Issue 9: a raw body is never shown to people; the status words stand in for it.
    [Theory]
    [InlineData("""{"Message":"something else"}""")]
    [InlineData("""{"Error":""}""")]
    [InlineData("""{"Error":42}""")]
    [InlineData("{not json at all")]
    [InlineData("""[{"ID":1,"Name":"x"}]""")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    public async Task JsonOrMarkupWithoutAnErrorTextIsNeverShown(string body)
    {
        var exception = await ApiError(HttpStatusCode.BadRequest, body);
        Assert.Equal("", ApiErrors.ErrorText(exception));
        Assert.Equal("The Campaign API answered 400 Bad Request.", ApiErrors.Describe(exception));
    }

    [Fact]
    public async Task AGoPlainTextErrorIsItsFirstLineCutTo300Characters()
    {
        Assert.Equal("invalid campaign ID", ApiErrors.ErrorText(await ApiError(HttpStatusCode.BadRequest, "invalid campaign ID\n", "text/plain")));
        var body = new string('x', 5000) + "\nsecond line";
        Assert.Equal(new string('x', 300) + "…", ApiErrors.ErrorText(await ApiError(HttpStatusCode.BadRequest, body, "text/plain")));
    }

    [Fact]
    public async Task DescribeOfABadRequestIsTheApisOwnText()
    {
        var exception = await ApiError(HttpStatusCode.BadRequest, """{"Error":"invalid request: template not found"}""");
        Assert.Equal("invalid request: template not found", ApiErrors.Describe(exception));
    }

    [Fact]
    public async Task DescribeOfASilentFailureNamesTheStatus() =>
        Assert.Equal("The Campaign API answered 404 Not Found.", ApiErrors.Describe(await ApiError(HttpStatusCode.NotFound)));

    [Fact]
    public async Task DescribeOfUnauthorizedPointsAtTheApiKey()
    {
        var exception = await ApiError(HttpStatusCode.Unauthorized, """{"Error":"invalid API key"}""");
        Assert.Equal("The Campaign API refused the dashboard's API key (401). Check CampaignApi:ApiKey.", ApiErrors.Describe(exception));
    }

    [Fact]
    public async Task DescribeOfBadGatewayQuotesTheProvider()
    {
        var exception = await ApiError(HttpStatusCode.BadGateway, """{"Error":"(#131026) Message undeliverable"}""");
        Assert.Equal("The messaging provider failed: (#131026) Message undeliverable", ApiErrors.Describe(exception));
    }

    [Fact]
    public async Task DescribeOfBadGatewayWithoutBodySaysNoDetails() =>
        Assert.Equal("The messaging provider failed: no details", ApiErrors.Describe(await ApiError(HttpStatusCode.BadGateway)));

    [Fact]
    public async Task DescribeOfServerErrorReassuresThatNothingWasLost()
    {
        var exception = await ApiError(HttpStatusCode.InternalServerError, """{"Error":"internal error"}""");
        Assert.Equal("The Campaign API failed (500): internal error. Nothing you entered was lost; try again.", ApiErrors.Describe(exception));
    }

    [Fact]
    public async Task DescribeOfServerErrorWithPlainTextBody()
    {
        var exception = await ApiError(HttpStatusCode.ServiceUnavailable, "down for maintenance", "text/plain");
        Assert.Equal("The Campaign API failed (503): down for maintenance. Nothing you entered was lost; try again.", ApiErrors.Describe(exception));
    }

    [Fact]
    public async Task DescribeOfServerErrorWithoutBodySaysNoDetails() =>
        Assert.Equal("The Campaign API failed (500): no details. Nothing you entered was lost; try again.",
            ApiErrors.Describe(await ApiError(HttpStatusCode.InternalServerError)));

    [Fact]
    public void DescribeOfAnUnreachableApiSaysSo() =>
        Assert.Equal("The Campaign API could not be reached. Check that it is running and CampaignApi:BaseUrl, then try again.",
            ApiErrors.Describe(new HttpRequestException("Connection refused")));

    [Fact]
    public void DescribeOfATimeoutSaysSo()
    {
        Assert.Equal("The Campaign API did not answer in time. Try again; if it keeps happening, check the API (or CampaignApi:Timeout).", ApiErrors.Describe(new TaskCanceledException()));
        Assert.Equal("The Campaign API did not answer in time. Try again; if it keeps happening, check the API (or CampaignApi:Timeout).", ApiErrors.Describe(new TimeoutException()));
    }

    [Fact]
    public void DescribeOfAnythingElseIsGeneric() =>
        Assert.Equal("Something went wrong talking to the Campaign API.", ApiErrors.Describe(new InvalidOperationException("boom")));

    [Fact]
    public async Task StatusCodeIsTheApiExceptionsStatus()
    {
        Assert.Equal(HttpStatusCode.BadGateway, ApiErrors.StatusCode(await ApiError(HttpStatusCode.BadGateway)));
        Assert.Null(ApiErrors.StatusCode(new HttpRequestException()));
    }
}
