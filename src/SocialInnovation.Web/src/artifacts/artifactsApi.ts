import { get, post } from '../api/http';
import type { Schema } from '../api/types';

export type TeamArtifacts = Schema<'TeamArtifacts'>;
export type ArtifactVersion = Schema<'ArtifactVersion'>;
export type ArtifactKind = Schema<'ArtifactKind'>;
export type UploadTicket = Schema<'UploadTicket'>;
export type UploadProgress = Schema<'UploadProgress'>;
export type DownloadLink = Schema<'DownloadLink'>;
export type Gallery = Schema<'Gallery'>;
export type GalleryItem = Schema<'GalleryItem'>;

const team = (campId: string, teamId: string) => `/api/camps/${encodeURIComponent(campId)}/teams/${encodeURIComponent(teamId)}/artifacts`;
const gallery = (campId: string) => `/api/camps/${encodeURIComponent(campId)}/gallery`;

export const listArtifacts = (campId: string, teamId: string) => get<TeamArtifacts>(team(campId, teamId));
export const beginUpload = (campId: string, teamId: string, kind: ArtifactKind, fileName: string, size: number, idempotencyKey: string) =>
  post<UploadTicket>(`${team(campId, teamId)}/uploads`, { kind, fileName, size, idempotencyKey });
export const uploadProgress = (campId: string, teamId: string, uploadId: string) => get<UploadProgress>(`${team(campId, teamId)}/uploads/${uploadId}`);
export const blockUrl = (campId: string, teamId: string, uploadId: string, index: number) => `${team(campId, teamId)}/uploads/${uploadId}/blocks/${index}`;
export const completeUpload = (campId: string, teamId: string, uploadId: string, blocks: number, idempotencyKey: string) =>
  post<ArtifactVersion>(`${team(campId, teamId)}/uploads/${uploadId}/complete`, { blocks, idempotencyKey });
export const markForJudging = (campId: string, teamId: string, artifactId: string, idempotencyKey: string) =>
  post<TeamArtifacts>(`${team(campId, teamId)}/judging`, { artifactId, idempotencyKey });
export const downloadLink = (campId: string, teamId: string, artifactId: string) => post<DownloadLink>(`${team(campId, teamId)}/${artifactId}/link`);

export const getGallery = (campId: string) => get<Gallery>(gallery(campId));
export const publishGallery = (campId: string, published: boolean) => post<Schema<'GalleryStatus'>>(`${gallery(campId)}/publish`, { published });
export const galleryLink = (campId: string, teamId: string, artifactId: string) => post<DownloadLink>(`${gallery(campId)}/${teamId}/${artifactId}/link`);

/** Follows a short-lived link: the server answers the file as an attachment, so the page stays. */
export function followLink(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.setAttribute('download', '');
  document.body.append(a);
  a.click();
  a.remove();
}

export { formatSize } from './fileSize';
