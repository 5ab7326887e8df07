// The bookstore dashboard: plain JavaScript over the sample's JSON API and its Server-Sent Events feed.
'use strict';

const PAGE_SIZE = 10;
const FEED_LENGTH = 20;          // orders shown; older ones drop off, so the page never grows without bound
const CUSTOMER = 'Dashboard visitor';

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });
const count = new Intl.NumberFormat('en');
const state = { page: 0, query: '' };

const $ = (id) => document.getElementById(id);

/** Fetches JSON; a failed request throws the server's problem detail (RFC 9457) as the error's message. */
async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && (body.detail || body.title)) || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** An element with text content only: API data is never parsed as HTML. */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showMessage(text) {
  $('message').textContent = text || '';
}

async function loadFigures() {
  const [books, orders] = await Promise.all([api('/books/stats'), api('/orders/stats')]);
  $('stat-books').textContent = count.format(books.books);
  $('stat-stock').textContent = count.format(books.copiesInStock);
  $('stat-orders').textContent = count.format(orders.orders);
  $('stat-sold').textContent = count.format(orders.copiesSold);
  $('stat-revenue').textContent = money.format(orders.revenue);
}

async function loadBooks() {
  const params = new URLSearchParams({ ordering: 'title', page: state.page, size: PAGE_SIZE });
  if (state.query) params.set('title__icontains', state.query);
  const result = await api(`/books?${params}`);
  const rows = result.content.map((book) => {
    const row = element('tr');
    row.dataset.bookId = book.id;
    row.append(element('td', book.title), element('td', book.author),
      element('td', money.format(book.price), 'number'),
      element('td', String(book.stock), book.stock === 0 ? 'number sold-out' : 'number'));
    const buy = element('button', 'Buy 1');
    buy.type = 'button';
    buy.disabled = book.stock === 0;
    buy.addEventListener('click', () => buyOne(book));
    const action = element('td');
    action.append(buy);
    row.append(action);
    return row;
  });
  $('book-rows').replaceChildren(...rows);
  const { number, totalPages, totalElements } = result.page;
  $('page-info').textContent = `page ${number + 1} of ${Math.max(totalPages, 1)} · ${totalElements} books`;
  $('page-previous').disabled = number === 0;
  $('page-next').disabled = number + 1 >= totalPages;
}

function boardRow(text, figure) {
  const item = element('li', text);
  item.append(' ', element('strong', String(figure)));
  return item;
}

async function loadBoards() {
  const [bestsellers, publishers] = await Promise.all([api('/books/bestsellers?limit=5'), api('/publishers/leaderboard')]);
  $('bestsellers').replaceChildren(...bestsellers.map((b) => boardRow(b.title, b.copiesSold)));
  $('publishers').replaceChildren(...publishers.map((p) => boardRow(p.name, p.numBooks)));
}

async function buyOne(book) {
  showMessage('');
  try {
    await api('/orders', {
      method: 'POST',
      body: JSON.stringify({ customer: CUSTOMER, items: [{ bookId: book.id, quantity: 1 }] }),
    });
    // Nothing else to do: the order comes back through the live feed like everybody else's.
  } catch (error) {
    showMessage(error.message);
  }
}

/** Adds an order to the feed once, newest first, whether it came from the history or the live stream. */
function addOrder(order, isNew) {
  const feed = $('order-feed');
  if (feed.querySelector(`li[data-order-id="${order.id}"]`)) return;
  const item = element('li', undefined, isNew ? 'new' : undefined);
  item.dataset.orderId = order.id;
  const copies = order.items.reduce((sum, line) => sum + line.quantity, 0);
  const titles = order.items.map((line) => `${line.quantity} × ${line.title}`).join(', ');
  item.append(element('span', `#${order.id} ${order.customer}`, 'customer'), element('br'),
    element('span', `${copies} ${copies === 1 ? 'copy' : 'copies'} · ${money.format(order.total)} · ${titles}`, 'meta'));
  const older = [...feed.children].find((li) => Number(li.dataset.orderId) < order.id);
  feed.insertBefore(item, older || null);
  while (feed.children.length > FEED_LENGTH) feed.lastElementChild.remove();
}

let refreshPending = false;

/** Several orders in a burst cause one refresh of the figures, not one each. */
function scheduleRefresh() {
  if (refreshPending) return;
  refreshPending = true;
  setTimeout(() => {
    refreshPending = false;
    Promise.all([loadFigures(), loadBooks(), loadBoards()]).catch((error) => showMessage(error.message));
  }, 200);
}

function setStatus(text, className) {
  const status = $('feed-status');
  status.textContent = text;
  status.className = `status ${className}`;
}

function connectFeed() {
  const source = new EventSource('/orders/feed');
  // "ready" comes on every (re)connection once the server listens: orders placed from now on will
  // arrive as events, so whatever came before (or while disconnected) is loaded from the history.
  source.addEventListener('ready', async () => {
    try {
      const recent = await api(`/orders?size=${FEED_LENGTH}`);
      recent.content.forEach((order) => addOrder(order, false));
      setStatus('live', 'live');
      scheduleRefresh();
    } catch (error) {
      showMessage(error.message);
    }
  });
  source.addEventListener('order', (event) => {
    addOrder(JSON.parse(event.data), true);
    scheduleRefresh();
  });
  // EventSource reconnects by itself; the status says so meanwhile.
  source.addEventListener('error', () => setStatus('reconnecting…', 'reconnecting'));
}

function wireControls() {
  $('book-search').addEventListener('submit', (event) => {
    event.preventDefault();
    state.query = $('book-query').value.trim();
    state.page = 0;
    loadBooks().catch((error) => showMessage(error.message));
  });
  $('page-previous').addEventListener('click', () => { state.page -= 1; loadBooks().catch((e) => showMessage(e.message)); });
  $('page-next').addEventListener('click', () => { state.page += 1; loadBooks().catch((e) => showMessage(e.message)); });
}

wireControls();
Promise.all([loadFigures(), loadBooks(), loadBoards()]).catch((error) => showMessage(error.message));
connectFeed();
