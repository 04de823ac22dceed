import { svg, type SVGTemplateResult } from 'lit';
import type { Scheme } from '@cardframe/protocol';

/**
 * Brand marks drawn inline: the frame's CSP allows no remote images, and inline SVG
 * costs a few hundred bytes. Simplified shapes in each brand's colours, 32×20 viewBox.
 */
const frame = (fill: string, stroke = 'none'): SVGTemplateResult => svg`<rect x="0.5" y="0.5" width="31" height="19" rx="3" fill=${fill} stroke=${stroke}/>`;

const word = (text: string, fill: string, size = 7): SVGTemplateResult =>
  svg`<text x="16" y="13" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-weight="700"
    font-style="italic" font-size=${size} fill=${fill}>${text}</text>`;

export const BRAND_ICONS: Readonly<Record<Scheme | 'unknown', SVGTemplateResult>> = {
  visa: svg`${frame('#1a1f71')}${word('VISA', '#ffffff', 8)}`,
  mastercard: svg`${frame('#252525')}<circle cx="12.5" cy="10" r="6" fill="#eb001b"/>
    <circle cx="19.5" cy="10" r="6" fill="#f79e1b" fill-opacity="0.9"/>`,
  'american express': svg`${frame('#2e77bc')}${word('AMEX', '#ffffff', 7)}`,
  discover: svg`${frame('#ffffff', '#d1d5db')}<circle cx="24" cy="10" r="4" fill="#f48120"/>
    <text x="4" y="12.5" font-family="Arial,Helvetica,sans-serif" font-weight="700" font-size="5.5"
    fill="#231f20">DISC</text>`,
  'diners club': svg`${frame('#ffffff', '#d1d5db')}<circle cx="16" cy="10" r="6.5" fill="#0079be"/>
    <circle cx="14" cy="10" r="3.5" fill="#ffffff"/><circle cx="18" cy="10" r="3.5" fill="#ffffff"/>`,
  jcb: svg`${frame('#ffffff', '#d1d5db')}<rect x="6" y="4" width="6" height="12" rx="2" fill="#0e4c96"/>
    <rect x="13" y="4" width="6" height="12" rx="2" fill="#e21836"/>
    <rect x="20" y="4" width="6" height="12" rx="2" fill="#00a651"/>`,
  unionpay: svg`${frame('#ffffff', '#d1d5db')}<path d="M6 4h7l-3 12H3z" fill="#e21836"/>
    <path d="M13 4h7l-3 12h-7z" fill="#00447c"/><path d="M20 4h8l-3 12h-8z" fill="#007b84"/>`,
  unknown: svg`${frame('#f3f4f6', '#9ca3af')}<rect x="1" y="5" width="30" height="3" fill="#9ca3af"/>
    <rect x="4" y="12" width="10" height="2" rx="1" fill="#9ca3af"/>`,
};
