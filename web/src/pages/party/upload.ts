// Uploading a file to the party's documents: its content type, the size limit, the request.
import { ApiError, request } from '../../api';
import type { PartyDocument } from './model';

const TYPES_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  return TYPES_BY_EXT[ext] || 'application/octet-stream';
}

export function formatSize(n?: number): string {
  if (n === undefined || n === null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// `effectiveAt` (YYYY-MM-DD, optional): when the document took effect (a policy) or was signed
// (a report), kept beside the time the ledger records the upload.
export function uploadDocument(partyId: string, file: Blob, filename: string, contentType: string, effectiveAt = '') {
  return request<PartyDocument>('POST', `/api/v1/parties/${partyId}/documents`, undefined, {
    raw: file,
    contentType,
    query: effectiveAt ? { filename, effective_at: effectiveAt } : { filename },
  });
}

const MAX_UPLOAD = 25 * 1024 * 1024;

export function checkFile(file: File | null, field: string, required = true) {
  if (!file) {
    if (required)
      throw new ApiError(422, 'validation_failed', 'choose a file', [{ field, reason: 'choose a file to upload' }]);
    return;
  }
  if (file.size > MAX_UPLOAD)
    throw new ApiError(422, 'validation_failed', 'too large', [{ field, reason: 'is larger than 25 MiB' }]);
}
