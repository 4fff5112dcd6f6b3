// One attachment of an objection or a repair: checked here first (PDF, JPEG or PNG by name or
// type, at most 10 MiB — the server judges again by the content), then POST
// /public/attachments?name=… with the file's bytes as the body. XMLHttpRequest rather than fetch,
// for the upload's progress on a slow phone connection. The answer's id names it in the filing.
import { ApiError, queryString } from '../api.js';

export const attachmentLimit = 10 * 1024 * 1024;
export const acceptTypes = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const types = ['application/pdf', 'image/jpeg', 'image/png'];
const extensions = ['.pdf', '.jpg', '.jpeg', '.png'];

// Why this file cannot be sent, or ''.
export function fileProblem(file) {
  if (file.size === 0) return '文件为空';
  if (file.size > attachmentLimit) return '文件超过 10 MiB 的上限';
  const name = file.name.toLowerCase();
  if (!types.includes(file.type) && !extensions.some((x) => name.endsWith(x))) {
    return '只能上传 PDF、JPEG 或 PNG 文件';
  }
  return '';
}

// The name the server takes: no path or control characters, at most 100 characters, the
// extension kept.
export function uploadName(name) {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '');
  const chars = Array.from(clean);
  if (chars.length <= 100) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(clean.slice(dot)) : [];
  if (ext.length === 0 || ext.length > 10) return chars.slice(0, 100).join('');
  return chars.slice(0, 100 - ext.length).join('') + ext.join('');
}

export function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  return Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

// The server's answer ({id, file_name, size, …}); an ApiError when refused.
export function uploadAttachment(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/public/attachments' + queryString({ name: uploadName(file.name) }));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((100 * e.loaded) / e.total));
    };
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && body.id) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { message_zh: '网络错误，文件未上传' }));
    xhr.send(file);
  });
}
