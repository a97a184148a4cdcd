using System.Net.Http.Headers;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

public sealed class CompressionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_web_app_and_the_api_answer_compressed_when_the_browser_accepts_it(string encoding)
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var page = await Get(organizer, "/join", encoding);
        var script = System.Text.RegularExpressions.Regex.Match(await Text(page), "/assets/index-[^\"]+\\.js").Value;

        foreach (var response in new[] { page, await Get(organizer, script, encoding), await Get(organizer, "/api/me", encoding) })
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    [Fact]
    public async Task A_client_that_accepts_no_compression_gets_plain_bytes()
    {
        var response = await fixture.Host.Client().Http.GetAsync("/join");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<!doctype html>", await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> Get(ApiClient client, string path, string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.Http.SendAsync(request);
    }

    private static async Task<string> Text(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream plain = response.Content.Headers.ContentEncoding.Contains("br")
            ? new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress);
        return await new StreamReader(plain).ReadToEndAsync();
    }
}
