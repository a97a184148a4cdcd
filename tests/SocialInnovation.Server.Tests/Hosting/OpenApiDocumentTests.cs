using System.Text.Json;
using System.Text.Json.Nodes;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>
/// The web app's API types are generated from <c>src/SocialInnovation.Web/openapi.json</c>, a copy of
/// the server's <c>/openapi/v1.json</c>. This test keeps the copy honest: change an endpoint or a wire
/// record and it fails until the copy (and the types made from it) are regenerated.
/// </summary>
public sealed class OpenApiDocumentTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    public const string Regenerate = "cd src/SocialInnovation.Web && npm run api";

    private static string Committed => Path.Combine(Repo.Root, "src", "SocialInnovation.Web", "openapi.json");

    [Fact]
    public async Task The_committed_OpenAPI_document_matches_the_server()
    {
        var served = Normalize(await fixture.Host.Client().Http.GetStringAsync("/openapi/v1.json"));
        // `npm run api` runs this test with SI_UPDATE_OPENAPI=1 to write the copy, then generates the types.
        if (Environment.GetEnvironmentVariable("SI_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(Committed, served);

        var committed = File.Exists(Committed) ? Normalize(await File.ReadAllTextAsync(Committed)) : "";
        Assert.True(committed == served,
            $"src/SocialInnovation.Web/openapi.json is out of date with the server's /openapi/v1.json. Regenerate it and the web app's API types with `{Regenerate}`, then commit both.");
    }

    [Fact]
    public async Task Every_api_endpoint_documents_what_it_answers()
    {
        var document = JsonNode.Parse(await fixture.Host.Client().Http.GetStringAsync("/openapi/v1.json"))!;
        var undocumented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Responses: op.Value!["responses"]!.AsObject())))
            .Where(op => !op.Responses.Any(r => r.Key.StartsWith('2') && (r.Key == "204" || r.Value?["content"] is not null)))
            .Select(op => op.Name)
            .ToList();

        Assert.True(undocumented.Count == 0, "Endpoints without a typed success answer (return Results<Ok<T>, Refusal> or the like): " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Two_wire_types_with_one_short_name_are_refused_rather_than_merged()
    {
        var options = new Microsoft.AspNetCore.OpenApi.OpenApiOptions();
        SocialInnovation.Server.Hosting.OpenApiSchemaNames.RefuseClashes(options);
        var json = System.Text.Json.JsonSerializerOptions.Default;

        Assert.Equal("Criterion", options.CreateSchemaReferenceId(json.GetTypeInfo(typeof(Judges.Criterion))));
        Assert.Equal("Criterion", options.CreateSchemaReferenceId(json.GetTypeInfo(typeof(Judges.Criterion))));
        var clash = Assert.Throws<InvalidOperationException>(() => options.CreateSchemaReferenceId(json.GetTypeInfo(typeof(Reviewers.Criterion))));
        Assert.Contains("Reviewers", clash.Message);
    }

    private static class Judges { public sealed record Criterion(string Name); }
    private static class Reviewers { public sealed record Criterion(string Name); }

    /// <summary>Indented, and without <c>servers</c> (it names the address the request came to).</summary>
    private static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }
}
