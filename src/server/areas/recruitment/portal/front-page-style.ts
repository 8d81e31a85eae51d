/**
 * The stylesheet of the server-written front page (front-page.ts): what antd's Layout, Button,
 * Tag, Flex and grid give the app's page, in plain CSS, at the app's sizes and colours (its
 * theme: AppProviders.tsx), so the page does not move when the app replaces it. global.css
 * (panels, secondary text, the body's font) is inlined beside it. Phone first; 768px is antd's
 * md breakpoint, where the app's layout widens (useIsMobile).
 */
export const FRONT_PAGE_CSS = `
noscript{display:block;padding:8px 12px;background:#fffbe6;font-size:13px;text-align:center}
.fp{min-height:100vh;display:flex;flex-direction:column;background:#f5f7fa}
.fp-header{position:sticky;top:0;z-index:10;display:flex;align-items:center;gap:8px;height:64px;padding:0 12px;background:#fff;border-bottom:1px solid #f0f0f0}
.fp-brand{display:flex;align-items:center;gap:8px;flex:1;min-width:0;color:inherit;text-decoration:none}
.fp-brand span{font-weight:600;font-size:14px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.fp-full{display:none}
.fp-actions{display:flex;align-items:center;gap:4px}
.fp-btn{display:inline-flex;align-items:center;justify-content:center;height:32px;padding:0 15px;border:1px solid transparent;border-radius:6px;background:transparent;color:rgba(0,0,0,.88);font:inherit;font-size:14px;text-decoration:none;white-space:nowrap;cursor:pointer}
.fp-btn-primary{background:#0958d9;color:#fff}
.fp-main{flex:1;box-sizing:border-box;width:100%;max-width:1080px;margin:0 auto;padding:12px;display:flex;flex-direction:column;gap:24px}
.fp-hero{background:linear-gradient(135deg,#0958d9 0%,#1677ff 60%,#36cfc9 100%);color:#fff;border-radius:12px;padding:24px 20px}
.fp-hero h1{color:#fff;margin:0;font-size:24px}
.fp-hero p{margin:8px 0 0;max-width:720px;line-height:1.7}
.fp-h2{font-size:18px;margin:0 0 12px}
.fp-h2-model{margin-bottom:4px}
.fp-model-body{margin:0 0 1em}
.fp-cards{display:grid;grid-template-columns:minmax(0,1fr);gap:16px}
.fp-card{height:100%;display:flex;flex-direction:column;box-sizing:border-box}
.fp-card-body{display:flex;flex-direction:column;gap:10px;flex:1}
.fp-card-head{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
.fp-card-head h3{margin:0;font-size:16px;line-height:1.5}
.fp-card-head a{color:#0958d9;text-decoration:none}
.fp-tags{display:flex;flex-wrap:wrap;gap:6px}
.fp-tag{display:inline-block;font-size:12px;line-height:20px;padding:0 7px;border:1px solid transparent;border-radius:4px;white-space:nowrap;color:rgba(0,0,0,.88);background:rgba(0,0,0,.04)}
.fp-tag-green{color:#237804;background:#f6ffed}
.fp-tag-blue{color:#0958d9;background:#e6f4ff}
.fp-tag-geekblue{color:#1d39c4;background:#f0f5ff}
.fp-when{margin-top:auto}
.fp-countdown{display:flex;align-items:center;gap:6px;color:#873800;font-weight:500}
.fp-small{display:block;font-size:13px}
.fp-empty{text-align:center;color:rgba(0,0,0,.62)}
.fp-posts{list-style:none;margin:0;padding:0}
.fp .hatchery-panel-extra a{color:#0958d9;text-decoration:none}
.fp-posts li{padding:8px 0;border-bottom:1px solid #f0f0f0}
.fp-posts a{font-weight:500;color:#0958d9;text-decoration:none}
.fp-post-meta{font-size:13px;color:rgba(0,0,0,.68)}
.fp-model{display:grid;grid-template-columns:minmax(0,1fr);gap:12px}
.fp-model-h3{font-size:15px;margin:0 0 6px}
.fp-footer{text-align:center;color:rgba(0,0,0,.65);font-size:13px;background:#f0f2f5;padding:24px 50px}
@media (min-width:576px){.fp-model{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (min-width:768px){
.fp-header{padding:0 24px}
.fp-brand span{font-size:17px}
.fp-short{display:none}
.fp-full{display:inline}
.fp-main{padding:24px}
.fp-cards{grid-template-columns:repeat(2,minmax(0,1fr))}
.fp-cards-one{grid-template-columns:minmax(0,1fr)}
}
@media (min-width:992px){.fp-model{grid-template-columns:repeat(4,minmax(0,1fr))}}
`;
