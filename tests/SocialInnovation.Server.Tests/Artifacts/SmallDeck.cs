using System.Net.Http.Headers;
using SocialInnovation.Artifacts;
using SocialInnovation.Server.Tests.Mentors;

namespace SocialInnovation.Server.Tests.Artifacts;

/// <summary>A team member (Aida of Clean Air) uploads a tiny PDF deck in one block: what the gallery and stream tests start from.</summary>
internal static class SmallDeck
{
    public static async Task<ArtifactVersion> Upload(MentoringCamp camp, string name)
    {
        var bytes = "%PDF-1.4\n% small deck\n"u8.ToArray();
        var path = $"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/artifacts";
        var ticket = await camp.Aida.Read<UploadTicket>(await camp.Aida.Post($"{path}/uploads", new BeginUpload(ArtifactKind.Deck, name, bytes.Length, Guid.NewGuid().ToString("N"))));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await camp.Aida.Http.PutAsync($"{path}/uploads/{ticket.UploadId}/blocks/0", content)).EnsureSuccessStatusCode();
        return await camp.Aida.Read<ArtifactVersion>(await camp.Aida.Post($"{path}/uploads/{ticket.UploadId}/complete", new CompleteUpload(1, Guid.NewGuid().ToString("N"))));
    }
}
