using CampaignAdmin.ServiceDefaults.Logging;

namespace CampaignAdmin.Api.Tests;

/// <summary>What the log redaction (shared by the API and the dashboard) takes out of a query string, and what it leaves.</summary>
public sealed class QueryRedactionTests
{
    [Theory]
    [InlineData("GET http://h/v2/campaign/getAll?X-API-Key=abc - 401", "GET http://h/v2/campaign/getAll?X-API-Key=[redacted] - 401")]
    [InlineData("?x_api_key=abc&resultSize=5", "?x_api_key=[redacted]&resultSize=5")]
    [InlineData("/a?key=1&apikey=2&API-KEY=3&token=4&access_token=5&Password=6&code=7", "/a?key=[redacted]&apikey=[redacted]&API-KEY=[redacted]&token=[redacted]&access_token=[redacted]&Password=[redacted]&code=[redacted]")]
    [InlineData("/a?refreshToken=x&client_secret=y", "/a?refreshToken=[redacted]&client_secret=[redacted]")]
    [InlineData("/a?q=ca_Qs7vK2pLm9XwR4tY8uZ1aB3cD5eF6gH0iJkLmNoPqRs", "/a?q=[redacted]")]
    [InlineData("/a?q=ca_demo_development_key_do_not_use_in_production", "/a?q=[redacted]")]
    [InlineData("/a?id=0123456789abcdefABCDEF0123456789zz", "/a?id=[redacted]")]
    [InlineData("/account/sign-in?ReturnUrl=%2Fcampaigns%3Fpassword%3Dhunter2", "/account/sign-in?ReturnUrl=[redacted]")]
    [InlineData("\"GET /v2?token=abc HTTP/1.1\" then /b?key=z", "\"GET /v2?token=[redacted] HTTP/1.1\" then /b?key=[redacted]")]
    public void SecretValuesAreRedacted(string text, string expected) => Assert.Equal(expected, QueryRedaction.Redact(text));

    [Theory]
    [InlineData("no query here")]
    [InlineData("/v2/campaign/getAll?resultSize=20&offset=40&status=completed&search=ramadan")]
    [InlineData("/v2/campaign/getCampMsgs?campaignID=7&messageKey=0193A5B6C7D8E9F0A1B2C3D4E5F6A7")]
    [InlineData("/account/sign-in?ReturnUrl=%2Fcampaigns%2F7")]
    [InlineData("Is it done? Yes. key= (empty) ?=x ?key")]
    public void EverythingElseIsLeftAsItIs(string text) => Assert.Same(text, QueryRedaction.Redact(text));
}
